package com.convene.backend.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/// Runs Debian's `ffprobe` (installed by scripts/env.sh) on a file and reads its JSON report.
final class Ffprobe {
    private Ffprobe() {
    }

    /// The `-show_format -show_streams` report of `file`.
    static JsonNode probe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString()).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffprobe failed on " + file + ": " + err);
        }
        return new ObjectMapper().readTree(out);
    }

    /// Runs `ffmpeg` with `args` (after `-v error`) and returns what it writes to standard output.
    static byte[] ffmpegOutput(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "ffmpeg";
        command[1] = "-v";
        command[2] = "error";
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + err);
        }
        return out;
    }

    /// Runs `ffmpeg` with `args` (after `-v error -y`) and fails when it does.
    static void ffmpeg(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 4];
        command[0] = "ffmpeg";
        command[1] = "-v";
        command[2] = "error";
        command[3] = "-y";
        System.arraycopy(args, 0, command, 4, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + out);
        }
    }
}
