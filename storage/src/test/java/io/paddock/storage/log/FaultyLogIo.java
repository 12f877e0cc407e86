package io.paddock.storage.log;

import io.paddock.storage.DirectorySync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link LogIo} over the real file system that records every changing step (open, write,
 * truncate, force, delete, syncDirectory) and throws an IOException instead of doing one chosen
 * step: the k-th from a reset, or every step of one kind. A failed step does nothing.
 */
final class FaultyLogIo implements LogIo {
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private volatile int stepsBase;
    private volatile int failAt = -1;
    private volatile String failKind;
    /** Bytes the disk may still take; below zero, no limit. */
    private final java.util.concurrent.atomic.AtomicLong spaceLeft =
            new java.util.concurrent.atomic.AtomicLong(-1);

    /** Fails the step with this index counted from now (0 is the next step); -1 fails none. */
    void failStep(int index) {
        stepsBase = steps.size();
        failAt = index;
    }

    /** Fails every step of this kind from now on; null fails none. */
    void failEvery(String kind) {
        failKind = kind;
    }

    /**
     * Fills the disk after {@code bytes} more written bytes: the write that crosses the limit
     * writes what still fits and then throws "No space left on device", as ENOSPC does after a
     * short write; every later write throws at once. A negative value frees the space again.
     */
    void diskFullAfter(long bytes) {
        spaceLeft.set(bytes);
    }

    /** Steps tried since the last {@link #failStep}, each as "kind file-name". */
    List<String> stepsSinceReset() {
        return List.copyOf(steps.subList(stepsBase, steps.size()));
    }

    /** How many steps were tried in all, failed ones included. */
    int stepCount() {
        return steps.size();
    }

    /** How many steps of this kind were tried, failed ones included. */
    long count(String kind) {
        return steps.stream().filter(s -> s.startsWith(kind + " ")).count();
    }

    private void step(String kind, Path file) throws IOException {
        int index = steps.size() - stepsBase;
        steps.add(kind + " " + file.getFileName());
        if (index == failAt || kind.equals(failKind)) {
            throw new IOException("injected failure of " + kind + " on " + file);
        }
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        step("open", file);
        return new Channel(FileChannel.open(file, options), file);
    }

    @Override
    public void delete(Path file) throws IOException {
        step("delete", file);
        Files.deleteIfExists(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        step("syncDirectory", dir);
        DirectorySync.fsync(dir);
    }

    /** A channel whose changing calls are steps; the rest go straight to the real one. */
    private final class Channel extends FileChannel {
        private final FileChannel real;
        private final Path file;

        Channel(FileChannel real, Path file) {
            this.real = real;
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            step("write", file);
            return writeWithin(src, -1);
        }

        /** Writes what the disk has room for; ENOSPC if that is not all of it. */
        private int writeWithin(ByteBuffer src, long position) throws IOException {
            long left = spaceLeft.get();
            if (left < 0 || src.remaining() <= left) {
                int n = position < 0 ? real.write(src) : real.write(src, position);
                if (left >= 0) {
                    spaceLeft.addAndGet(-n);
                }
                return n;
            }
            ByteBuffer fits = src.duplicate();
            fits.limit(fits.position() + (int) left);
            int n = position < 0 ? real.write(fits) : real.write(fits, position);
            src.position(src.position() + n);
            spaceLeft.set(0);
            throw new IOException("No space left on device");
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            step("write", file);
            return real.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            step("write", file);
            return writeWithin(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            step("truncate", file);
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            step("force", file);
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target)
                throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count)
                throws IOException {
            step("write", file);
            return real.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
