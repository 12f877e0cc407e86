package io.paddock.zab.runtime;

import io.paddock.storage.DirectorySync;
import io.paddock.zab.Proposal;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A state machine that is the list of proposals applied to it. Its snapshot is that list; an
 * installed snapshot is kept durably in {@code state.snap} in its directory (as a server keeps its
 * snapshot), and a new instance over the same directory recovers it, so a restart starts from the
 * last installed snapshot and gets the rest redelivered from the log.
 *
 * <p>Thread-safe for readers: the runtime's driver writes, tests read copies.
 */
final class RecordingStateMachine implements StateMachine {
    private static final String FILE = "state.snap";

    private final Path dir;
    private final List<Proposal> applied = new ArrayList<>();
    private final long recovered;

    RecordingStateMachine(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                applied.addAll(read(in));
            }
        }
        this.recovered = last(applied);
    }

    /** A copy of everything applied in this incarnation (the recovered snapshot included). */
    synchronized List<Proposal> applied() {
        return List.copyOf(applied);
    }

    synchronized long lastZxid() {
        return last(applied);
    }

    @Override
    public long lastApplied() {
        return recovered;
    }

    @Override
    public synchronized void apply(Proposal proposal) {
        if (!applied.isEmpty() && proposal.zxid() <= last(applied)) {
            throw new IllegalStateException("applied out of order: " + proposal + " after "
                    + applied.get(applied.size() - 1));
        }
        applied.add(proposal);
    }

    @Override
    public synchronized long snapshot(OutputStream out) throws IOException {
        write(applied, out);
        return last(applied);
    }

    @Override
    public long install(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        List<Proposal> state = read(new ByteArrayInputStream(bytes));
        Path temp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.fsync(dir);
        synchronized (this) {
            applied.clear();
            applied.addAll(state);
            return last(applied);
        }
    }

    private static long last(List<Proposal> list) {
        return list.isEmpty() ? 0 : list.get(list.size() - 1).zxid();
    }

    private static void write(List<Proposal> list, OutputStream sink) throws IOException {
        DataOutputStream out = new DataOutputStream(sink);
        out.writeInt(list.size());
        for (Proposal p : list) {
            out.writeLong(p.zxid());
            out.writeInt(p.type());
            out.writeInt(p.data().length);
            out.write(p.data());
        }
        out.flush();
    }

    private static List<Proposal> read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(source);
        int n = in.readInt();
        List<Proposal> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long zxid = in.readLong();
            int type = in.readInt();
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            out.add(new Proposal(zxid, type, data));
        }
        return out;
    }
}
