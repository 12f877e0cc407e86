package io.paddock.storage.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Checksum;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Reads the block stream that lz4-java's {@code LZ4BlockOutputStream} writes, trusting none of
 * its header fields. lz4-java's own {@code LZ4BlockInputStream} allocates whatever compressed
 * length a block header claims (up to 2 GiB from a 21-byte header) and decompresses with the
 * "fast" decompressor, which must only ever see trusted input; here a block may be no larger
 * than {@link #MAX_BLOCK}, its compressed length no larger than LZ4 can produce from that, and
 * it is decompressed with the safe decompressor.
 *
 * <pre>
 * block: magic "LZ4Block" | token (method 0x10 raw or 0x20 lz4 | log2(block size) - 10)
 *        | compressed length (int, little-endian) | original length (int LE)
 *        | XXHash32 of the original bytes, seed 0x9747b28c, low 28 bits (int LE) | bytes
 * a block with both lengths 0 ends the stream.
 * </pre>
 *
 * <p>Not thread-safe: one reader at start-up.
 */
final class Lz4BlockReader extends InputStream {
    /** The snapshot writer's blocks are 64 KiB; larger ones are accepted up to this. */
    static final int MAX_BLOCK = 1 << 20;
    private static final byte[] MAGIC = {'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k'};
    private static final int HEADER = MAGIC.length + 13;
    private static final int METHOD_RAW = 0x10;
    private static final int METHOD_LZ4 = 0x20;
    private static final int SEED = 0x9747b28c;

    private final InputStream in;
    private final LZ4SafeDecompressor decompressor =
            LZ4Factory.fastestInstance().safeDecompressor();
    private final Checksum checksum =
            XXHashFactory.fastestInstance().newStreamingHash32(SEED).asChecksum();
    private final byte[] header = new byte[HEADER];
    private byte[] compressed = new byte[0];
    private byte[] block = new byte[0];
    private int pos;
    private int limit;
    private boolean finished;

    Lz4BlockReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (pos == limit) {
            if (finished || !nextBlock()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(block, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    /** Reads the next block; false at the end block. */
    private boolean nextBlock() throws IOException {
        readFully(header, HEADER);
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                throw new IOException("LZ4 block stream: bad block magic");
            }
        }
        int method = header[MAGIC.length] & 0xf0;
        int compressedLength = intLe(MAGIC.length + 1);
        int originalLength = intLe(MAGIC.length + 5);
        int check = intLe(MAGIC.length + 9);
        if (compressedLength == 0 && originalLength == 0) {
            finished = true;
            return false;
        }
        checkLengths(method, compressedLength, originalLength);
        if (block.length < originalLength) {
            block = new byte[originalLength];
        }
        if (method == METHOD_RAW) {
            readFully(block, originalLength);
        } else {
            if (compressed.length < compressedLength) {
                compressed = new byte[compressedLength];
            }
            readFully(compressed, compressedLength);
            try {
                int n = decompressor.decompress(compressed, 0, compressedLength, block, 0,
                        originalLength);
                if (n != originalLength) {
                    throw new IOException("LZ4 block stream: a block decompresses to " + n
                            + " bytes, not the " + originalLength + " its header says");
                }
            } catch (LZ4Exception e) {
                throw new IOException("LZ4 block stream: a block does not decompress", e);
            }
        }
        checksum.reset();
        checksum.update(block, 0, originalLength);
        if ((int) checksum.getValue() != check) {
            throw new IOException("LZ4 block stream: block checksum mismatch");
        }
        pos = 0;
        limit = originalLength;
        return true;
    }

    private static void checkLengths(int method, int compressedLength, int originalLength)
            throws IOException {
        if (method != METHOD_RAW && method != METHOD_LZ4) {
            throw new IOException("LZ4 block stream: unknown method 0x"
                    + Integer.toHexString(method));
        }
        if (originalLength <= 0 || originalLength > MAX_BLOCK) {
            throw new IOException("LZ4 block stream: block length " + originalLength
                    + " outside 1.." + MAX_BLOCK);
        }
        int most = method == METHOD_RAW ? originalLength
                : originalLength + originalLength / 255 + 16;
        if (compressedLength <= 0 || compressedLength > most
                || (method == METHOD_RAW && compressedLength != originalLength)) {
            throw new IOException("LZ4 block stream: compressed length " + compressedLength
                    + " impossible for a block of " + originalLength);
        }
    }

    private int intLe(int at) {
        return (header[at] & 0xff) | (header[at + 1] & 0xff) << 8
                | (header[at + 2] & 0xff) << 16 | (header[at + 3] & 0xff) << 24;
    }

    private void readFully(byte[] into, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, done, length - done);
            if (n < 0) {
                throw new EOFException("LZ4 block stream: the body ends inside a block");
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
