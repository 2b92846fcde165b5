package dev.sandboxorchestrator.core;

/** The last lines of a log, for exception messages. */
public final class LogTail {
    /** How many lines exception messages carry. */
    public static final int DEFAULT_LINES = 40;

    private LogTail() {
    }

    public static String of(String log, int lines) {
        if (log == null || log.isEmpty()) {
            return "";
        }
        int end = log.length();
        while (end > 0 && (log.charAt(end - 1) == '\n' || log.charAt(end - 1) == '\r')) {
            end--;
        }
        int start = end;
        for (int seen = 0; start > 0; start--) {
            if (log.charAt(start - 1) == '\n' && ++seen == lines) {
                break;
            }
        }
        return log.substring(start, end);
    }
}
