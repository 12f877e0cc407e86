package io.paddock.server.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The three forms of a ZooKeeper snapshot file, told apart by the file name's extension as
 * ZooKeeper's SnapStream does: none, {@code .gz} and {@code .snappy} (snappy-java's stream
 * format). The Adler-32 seals cover the decompressed bytes in every form.
 *
 * <p>Immutable; each call makes a new stream.
 */
public enum ZkCompression {
    NONE(""),
    GZIP(".gz"),
    SNAPPY(".snappy");

    private final String extension;

    ZkCompression(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The form named on the command line: none, gz or snappy. */
    public static ZkCompression named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "none", "" -> NONE;
            case "gz", "gzip" -> GZIP;
            case "snappy" -> SNAPPY;
            default -> throw new IllegalArgumentException("unknown snapshot compression '" + name
                    + "' (none, gz or snappy)");
        };
    }

    InputStream decompress(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw, 64 << 10);
            case SNAPPY -> SnappyStreams.in(raw);
        };
    }

    OutputStream compress(OutputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPOutputStream(raw, 64 << 10);
            case SNAPPY -> SnappyStreams.out(raw);
        };
    }
}
