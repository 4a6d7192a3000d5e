package org.zhiban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A benchmark's output: each line printed as it is known (a long run shows its progress) and kept for the file. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    synchronized void line(String line) {
        lines.add(line);
        System.out.println(line);
        System.out.flush();
    }

    synchronized void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    /** The machine's load as uptime prints it, so that a reader knows what else ran. */
    static String uptime() {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String output = new String(uptime.getInputStream().readAllBytes()).trim();
            uptime.waitFor();
            return output;
        }
        catch (IOException e) {
            return "uptime not available: " + e.getMessage();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "uptime interrupted";
        }
    }
}
