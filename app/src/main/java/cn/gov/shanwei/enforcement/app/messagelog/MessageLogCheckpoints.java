package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.app.support.FixedDelayTask;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Anchors the message log's head outside the database (ADR 0404): every {@code hub.message-log.checkpoint-interval}
 * (and when the hub stops) the head's position and hash are appended as one line to an append-only file, synced to
 * disk, and written to the application log. Somebody who rewrites the chain in the database, ends row included,
 * cannot rewrite these lines as well unless they also control that file (put it on storage the database's
 * administrators cannot write, or ship the hub log off the machine); {@link MessageLogVerifier} compares them.
 *
 * <p>A line is {@code v1 <seq> <entryHash> <writtenAt> <lineHash>}, where {@code lineHash} = SM3 of
 * {@code message-log-checkpoint/1|<previous lineHash>|<seq>|<entryHash>|<writtenAt>}: the lines chain among
 * themselves, so an edited, dropped or reordered line is evident too.
 */
public class MessageLogCheckpoints implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogCheckpoints.class);
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final MessageLogQueries queries;
    private final Path file;
    private final Duration interval;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;

    /** One checkpoint: the head was entry {@code seq} with hash {@code entryHash} at {@code writtenAt}. */
    public record Checkpoint(int line, long seq, String entryHash, Instant writtenAt, String lineHash) {
    }

    /**
     * The checkpoints as read back.
     *
     * @param checkpoints the lines that verified, in order
     * @param problem     the first unusable line, or {@code null} when the whole file verifies
     */
    public record Read(List<Checkpoint> checkpoints, String problem) {
    }

    public MessageLogCheckpoints(MessageLogQueries queries, Path file, Duration interval, Clock clock) {
        this.queries = queries;
        this.file = file;
        this.interval = interval;
        this.clock = clock;
    }

    /** The file the checkpoints go to. */
    public Path file() {
        return file;
    }

    /**
     * Appends the current head unless it is already the last checkpoint (or the log is empty).
     *
     * @return the checkpoint written, if one was
     */
    public synchronized Optional<Checkpoint> checkpointNow() {
        MessageLogQueries.Ends ends = queries.ends();
        if (ends.lastSeq() == 0) {
            return Optional.empty();
        }
        Read read = read();
        if (read.problem() != null) {
            // Never write after a damaged line: the damage stays evident, and the verifier reports it.
            throw new IllegalStateException("Message log checkpoint file " + file + " is damaged: " + read.problem());
        }
        List<Checkpoint> existing = read.checkpoints();
        Checkpoint last = existing.isEmpty() ? null : existing.get(existing.size() - 1);
        if (last != null && last.seq() == ends.lastSeq() && last.entryHash().equals(ends.lastHash())) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        String lineHash = lineHash(last == null ? MessageLogEntry.GENESIS : last.lineHash(), ends.lastSeq(),
                ends.lastHash(), at);
        String line = "v1 " + ends.lastSeq() + " " + ends.lastHash() + " " + at + " " + lineHash + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the message log checkpoint file " + file, e);
        }
        LOG.info("Message log checkpoint: head {} {} at {} ({})", ends.lastSeq(), ends.lastHash(), at, lineHash);
        return Optional.of(new Checkpoint(existing.size() + 1, ends.lastSeq(), ends.lastHash(), at, lineHash));
    }

    /** Reads and checks every line; stops at the first that does not verify. A missing file has no checkpoints. */
    public Read read() {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.US_ASCII) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message log checkpoint file " + file, e);
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        String prev = MessageLogEntry.GENESIS;
        long prevSeq = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(" ");
            int number = i + 1;
            if (parts.length != 5 || !parts[0].equals("v1") || !HEX64.matcher(parts[2]).matches()
                    || !HEX64.matcher(parts[4]).matches()) {
                return new Read(checkpoints, "line " + number + " is not a checkpoint");
            }
            long seq;
            Instant at;
            try {
                seq = Long.parseLong(parts[1]);
                at = Instant.parse(parts[3]);
            } catch (NumberFormatException | DateTimeParseException e) {
                return new Read(checkpoints, "line " + number + " is not a checkpoint");
            }
            if (!lineHash(prev, seq, parts[2], at).equals(parts[4])) {
                return new Read(checkpoints, "line " + number + " was altered, or a line before it removed");
            }
            if (seq < prevSeq) {
                return new Read(checkpoints, "line " + number + " moves the head backwards");
            }
            checkpoints.add(new Checkpoint(number, seq, parts[2], at, parts[4]));
            prev = parts[4];
            prevSeq = seq;
        }
        return new Read(checkpoints, null);
    }

    static String lineHash(String prevLineHash, long seq, String entryHash, Instant at) {
        return Sm3.ofUtf8("message-log-checkpoint/1|" + prevLineHash + "|" + seq + "|" + entryHash + "|" + at).hex();
    }

    private void checkpointSafely() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            LOG.error("Message log checkpoint failed; next try in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = FixedDelayTask.start("message-log-checkpoint-", this::checkpointSafely,
                clock.instant().plus(interval), interval);
    }

    /** A last checkpoint on the way down, so a graceful stop leaves the final head anchored. */
    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
            checkpointSafely();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // Stops before the database connection pool and after the routes that append.
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
