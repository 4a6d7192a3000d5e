package org.zhiban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a request's time goes, from Flight Recorder samples of the server's request threads while it is measured:
 * the share of samples by the innermost application method on the stack, and by the innermost frame (a socket read
 * there is a wait for the database). Java and native samples both, so that waiting shows as well as working.
 */
final class Profile implements AutoCloseable {

    /** Tomcat's request threads (not its acceptor and poller, which wait for connections all the time). */
    static final String REQUEST_THREADS = "http-nio-.*-exec-\\d+";

    private final Recording recording = new Recording();
    private List<Sample> samples;

    Profile() {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
        recording.start();
    }

    /**
     * One sample: its thread, innermost frame, innermost application frame, innermost frame outside the JDK, and the
     * innermost frames outside the JDK as a chain of callers.
     */
    private record Sample(String thread, String innermost, String application, String library, String callers) {
    }

    /**
     * The hottest application methods and innermost frames on the threads whose names match {@code threads}, as
     * "share% method" in descending order; the recording stops at the first call.
     */
    String summary(String threads, int top) throws IOException {
        if (samples == null) {
            samples = read();
        }
        Map<String, Integer> application = new HashMap<>();
        Map<String, Integer> innermost = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        int count = 0;
        for (Sample sample : samples) {
            if (sample.thread().matches(threads)) {
                count++;
                innermost.merge(sample.innermost(), 1, Integer::sum);
                if (sample.application() != null) {
                    application.merge(sample.application(), 1, Integer::sum);
                }
                if (sample.library() != null) {
                    library.merge(sample.library(), 1, Integer::sum);
                }
            }
        }
        String hottest = library.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        Map<String, Integer> chains = new HashMap<>();
        samples.stream().filter(sample -> sample.thread().matches(threads) && hottest != null
                && hottest.equals(sample.library())).forEach(sample -> chains.merge(sample.callers(), 1, Integer::sum));
        return count + " samples; application: " + shares(application, count, top) + "; innermost: "
                + shares(innermost, count, top) + "; innermost outside the JDK: " + shares(library, count, top)
                + (hottest == null ? "" : "; the hottest called from: " + chains.entrySet().stream()
                        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(""));
    }

    private List<Sample> read() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("province-profile", ".jfr");
        try {
            recording.dump(file);
            List<Sample> read = new java.util.ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                read.add(new Sample(String.valueOf(event.getThread("sampledThread").getJavaName()), name(frames.get(0)),
                        frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.zhiban."))
                                .findFirst().map(Profile::name).orElse(null),
                        frames.stream().filter(f -> !jdk(f.getMethod().getType().getName())).findFirst()
                                .map(Profile::name).orElse(null),
                        frames.stream().filter(f -> !jdk(f.getMethod().getType().getName())).limit(12)
                                .map(Profile::name).collect(Collectors.joining(" < "))));
            }
            return read;
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean jdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("javax.");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static String shares(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> Math.round(100.0 * e.getValue() / Math.max(1, samples)) + "% " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        recording.close();
    }
}
