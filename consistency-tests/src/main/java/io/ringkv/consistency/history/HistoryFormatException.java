package io.ringkv.consistency.history;

/**
 * A history that cannot be read or cannot be interpreted: EDN that does not parse, an operation map
 * without a {@code :type}, a completion with no invocation before it, a function the chosen model does
 * not know. The message says where: the line of the EDN file (when known) and the operation number
 * (0-based position in the history).
 */
public final class HistoryFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Marks an unknown line or operation number. */
    public static final long UNKNOWN = -1;

    private final long line;
    private final long operationNumber;

    public HistoryFormatException(String message, long line, long operationNumber) {
        this(message, line, operationNumber, null);
    }

    public HistoryFormatException(String message, long line, long operationNumber, Throwable cause) {
        super(locate(message, line, operationNumber), cause);
        this.line = line;
        this.operationNumber = operationNumber;
    }

    /** For a problem found in an already parsed history, where only the operation number is known. */
    public static HistoryFormatException atOperation(long operationNumber, String message) {
        return new HistoryFormatException(message, UNKNOWN, operationNumber);
    }

    /** The 1-based line in the EDN source, or {@link #UNKNOWN}. */
    public long line() {
        return line;
    }

    /** The 0-based position of the operation in the history, or {@link #UNKNOWN}. */
    public long operationNumber() {
        return operationNumber;
    }

    private static String locate(String message, long line, long operationNumber) {
        StringBuilder where = new StringBuilder();
        if (line != UNKNOWN) {
            where.append("line ").append(line);
        }
        if (operationNumber != UNKNOWN) {
            if (where.length() > 0) {
                where.append(", ");
            }
            where.append("operation ").append(operationNumber);
        }
        return where.length() == 0 ? message : where + ": " + message;
    }
}
