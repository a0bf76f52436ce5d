package com.convene.desktop.app.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/// The fallback without an OS keychain: the token encrypted with AES-256-GCM (NIST SP 800-38D; 96-bit random
/// IV, 128-bit tag, the account as associated data) in `refresh-token.enc`, under a random 256-bit key kept in a
/// separate file `refresh-token.key`; both in the user's settings folder, owner-only (POSIX 0600) where the file
/// system has permissions. One account at a time: saving for another account replaces the token.
///
/// What it protects against: a copy of the token file alone (a backup, a sync folder, a screen share of the
/// folder) is useless, and a file changed by hand or moved to another account fails the tag and is ignored. What
/// it does not: anyone who can read both files as this user (the same as with the keychain unlocked). Blocking
/// file IO; thread-safe (synchronized).
public final class EncryptedFileTokenStore implements RefreshTokenStore {
  static final String TOKEN_FILE = "refresh-token.enc";
  static final String KEY_FILE = "refresh-token.key";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String FORMAT = "convene-refresh-token-v1";
  private final Path dir;
  private final SecureRandom random = new SecureRandom();

  /// @param dir the user's settings folder (created when missing)
  public EncryptedFileTokenStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public synchronized Optional<String> load(String account) {
    Path file = dir.resolve(TOKEN_FILE);
    Path keyFile = dir.resolve(KEY_FILE);
    if (!Files.exists(file) || !Files.exists(keyFile)) {
      return Optional.empty();
    }
    try {
      String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
      if (lines.length < 3 || !lines[0].equals(FORMAT)
          || !new String(Base64.getDecoder().decode(lines[1]), StandardCharsets.UTF_8).equals(account)) {
        return Optional.empty();
      }
      byte[] sealed = Base64.getDecoder().decode(lines[2].strip());
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Files.readAllBytes(keyFile), "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(account.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // wrong key, a changed file or another account's: treat as no token (the person signs in again)
      return Optional.empty();
    } catch (IOException e) {
      throw new CredentialsException("token file unreadable", e);
    }
  }

  @Override
  public synchronized void save(String account, String refreshToken) {
    try {
      Files.createDirectories(dir);
      byte[] key = key();
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(account.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(refreshToken.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      String text = FORMAT + "\n" + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8))
          + "\n" + Base64.getEncoder().encodeToString(out) + "\n";
      writePrivate(dir.resolve(TOKEN_FILE), text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IOException e) {
      throw new CredentialsException("token file not writable", e);
    }
  }

  @Override
  public synchronized void delete(String account) {
    try {
      if (load(account).isPresent()) {
        Files.deleteIfExists(dir.resolve(TOKEN_FILE));
      }
    } catch (IOException e) {
      throw new CredentialsException("token file not deletable", e);
    }
  }

  @Override
  public String kind() {
    return "encrypted-file";
  }

  /// The key, made once (random, owner-only file).
  private byte[] key() throws IOException {
    Path keyFile = dir.resolve(KEY_FILE);
    if (Files.exists(keyFile)) {
      byte[] key = Files.readAllBytes(keyFile);
      if (key.length == KEY_BYTES) {
        return key;
      }
    }
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    writePrivate(keyFile, key);
    return key;
  }

  /// Writes through a temporary owner-only file moved into place, so a crash never leaves half a file.
  private static void writePrivate(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(temp);
    } catch (FileAlreadyExistsException raced) {
      throw new IOException("another writer is saving " + target, raced);
    }
    Files.write(temp, bytes);
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
