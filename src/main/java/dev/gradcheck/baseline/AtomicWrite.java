package dev.gradcheck.baseline;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces a file's content all at once: the text goes to a temporary file in the same directory,
 * is forced to disk, and is then moved over the target with an atomic rename. A reader sees the
 * old file or the new one, never a truncated mix; if anything fails before the rename, the old
 * file is untouched and the temporary file is removed.
 */
final class AtomicWrite {

    private AtomicWrite() {
    }

    /** Replaces {@code target}'s content with {@code text}. */
    static void replace(Path target, String text) throws IOException {
        replace(target, text, UnaryOperator.identity());
    }

    /**
     * Replaces {@code target}'s content with {@code text}, writing through {@code wrap}'s writer
     * (tests pass one that fails half-way to prove the old file survives).
     */
    static void replace(Path target, String text, UnaryOperator<Writer> wrap) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer writer = wrap.apply(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
                writer.write(text);
                writer.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A temporary file is private (rw-------); the replaced file keeps the target's permissions, rw-r--r-- if new. */
    private static void copyPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(permissions);
    }
}
