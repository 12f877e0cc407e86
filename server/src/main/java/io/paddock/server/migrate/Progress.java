package io.paddock.server.migrate;

/**
 * Told how many bytes of the files being read have been read, so a tool can draw a progress bar
 * or a server log how far an import got. Called on the reading thread.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(long totalBytes) {
        }

        @Override
        public void advance(long bytes) {
        }

        @Override
        public void finish() {
        }
    };

    /** Reading begins; about {@code totalBytes} will be read. */
    void start(long totalBytes);

    /** {@code bytes} more were read. */
    void advance(long bytes);

    /** Reading ended. */
    void finish();
}
