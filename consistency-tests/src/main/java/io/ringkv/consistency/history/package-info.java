/**
 * Operation histories in Jepsen's model, and their EDN form. A history is the ordered list of every
 * {@code :invoke} a client made and of the {@code :ok}, {@code :fail} or {@code :info} completion it
 * got back ({@code :fail}: the operation definitely did not happen; {@code :info}: nobody knows). The
 * records here are immutable values; {@link io.ringkv.consistency.history.EdnHistoryReader} and
 * {@link io.ringkv.consistency.history.EdnHistoryWriter} read and write the {@code history.edn} files
 * Jepsen writes, so the same file can be checked by this project's checkers and by Knossos. Values
 * inside operations use a small object model: {@code null}, {@link java.lang.Long}, {@link
 * java.lang.String}, {@link java.lang.Boolean}, {@link java.lang.Double}, {@link
 * io.ringkv.consistency.history.Keyword}, {@link java.util.List} (EDN vectors and lists), {@link
 * java.util.Set}, {@link java.util.Map}, and {@link io.ringkv.consistency.history.TaggedValue} for
 * tagged literals.
 */
package io.ringkv.consistency.history;
