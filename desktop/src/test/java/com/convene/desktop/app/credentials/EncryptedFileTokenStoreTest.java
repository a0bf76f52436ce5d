package com.convene.desktop.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The encrypted-file fallback of "stay signed in" (decision 097): the token comes back for its account only,
/// never appears in clear in either file, both files are owner-only, a changed byte or a copied token file
/// without its key gives nothing, a new save replaces the old token, and delete forgets it.
class EncryptedFileTokenStoreTest {
  private static final String ACCOUNT = RefreshTokenStore.account("https://meet.example.com", "ada");
  private static final String TOKEN = "rt_4f0c2b9e7a1d4c3b8e6f5a2d1c0b9a8e";
  @TempDir
  Path dir;

  @Test
  void keepsTheTokenEncryptedAndOwnerOnly() throws IOException {
    EncryptedFileTokenStore store = new EncryptedFileTokenStore(dir.resolve("user"));
    store.save(ACCOUNT, TOKEN);

    assertThat(new EncryptedFileTokenStore(dir.resolve("user")).load(ACCOUNT)).contains(TOKEN);
    Path tokenFile = dir.resolve("user").resolve(EncryptedFileTokenStore.TOKEN_FILE);
    Path keyFile = dir.resolve("user").resolve(EncryptedFileTokenStore.KEY_FILE);
    assertThat(Files.readString(tokenFile, StandardCharsets.UTF_8)).doesNotContain(TOKEN).doesNotContain("rt_");
    assertThat(new String(Files.readAllBytes(keyFile), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    assertThat(Files.readAllBytes(keyFile)).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(store.kind()).isEqualTo("encrypted-file");
  }

  @Test
  void givesNothingForAnotherAccountAChangedFileOrAFileWithoutItsKey() throws IOException {
    Path user = dir.resolve("user");
    EncryptedFileTokenStore store = new EncryptedFileTokenStore(user);
    store.save(ACCOUNT, TOKEN);
    assertThat(store.load(RefreshTokenStore.account("https://meet.example.com", "bob"))).isEmpty();

    Path tokenFile = user.resolve(EncryptedFileTokenStore.TOKEN_FILE);
    String[] lines = Files.readString(tokenFile).split("\n");
    byte[] sealed = java.util.Base64.getDecoder().decode(lines[2]);
    sealed[sealed.length / 2] ^= 1;
    Files.writeString(tokenFile, lines[0] + "\n" + lines[1] + "\n" + java.util.Base64.getEncoder().encodeToString(sealed) + "\n");
    assertThat(store.load(ACCOUNT)).as("tampered").isEmpty();

    store.save(ACCOUNT, TOKEN);
    Path elsewhere = Files.createDirectories(dir.resolve("copied"));
    Files.copy(tokenFile, elsewhere.resolve(EncryptedFileTokenStore.TOKEN_FILE));
    new EncryptedFileTokenStore(elsewhere).save("someone@else", "x"); // a key of its own
    Files.copy(tokenFile, elsewhere.resolve(EncryptedFileTokenStore.TOKEN_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(new EncryptedFileTokenStore(elsewhere).load(ACCOUNT)).as("copied without its key").isEmpty();
  }

  @Test
  void aNewTokenReplacesTheOldAndDeleteForgetsIt() {
    EncryptedFileTokenStore store = new EncryptedFileTokenStore(dir);
    store.save(ACCOUNT, TOKEN);
    store.save(ACCOUNT, "rt_rotated");
    assertThat(store.load(ACCOUNT)).contains("rt_rotated");
    store.delete(RefreshTokenStore.account("https://meet.example.com", "bob"));
    assertThat(store.load(ACCOUNT)).as("another account's delete leaves it").contains("rt_rotated");
    store.delete(ACCOUNT);
    assertThat(store.load(ACCOUNT)).isEmpty();
    assertThat(dir.resolve(EncryptedFileTokenStore.TOKEN_FILE)).doesNotExist();
  }
}
