package com.convene.sfu.ice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/// Loads `vectors/rfc5769.txt`.
final class StunVectors {
    private final Map<String, String> values = new HashMap<>();

    StunVectors() throws IOException {
        try (InputStream in = StunVectors.class.getResourceAsStream("/vectors/rfc5769.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
    }

    String password() {
        return values.get("password");
    }

    byte[] bytes(String name) {
        return HexFormat.of().parseHex(values.get(name).replace(" ", ""));
    }
}
