package dev.listening.streamer.localfs;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.SparkConf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:} paths), except for two calls made with the JDK's own file API: setting a
 * new file's permissions and asking whether a path is a symbolic link. Without Hadoop's native library (none is
 * published to Maven) Hadoop runs {@code chmod} and {@code readlink} processes for them, and every file of a local
 * checkpoint or state store waited for those processes (docs/performance.md).
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    private static final String FILE_IMPL = "spark.hadoop.fs.file.impl";
    private static final String CHECKPOINT_MANAGER = "spark.sql.streaming.checkpointFileManagerClass";
    /**
     * Spark's checkpoint writer on Hadoop's FileSystem API: its default, on FileContext, reaches the local disk through a
     * RawLocalFileSystem of Hadoop's own making, past this class. A rename is atomic on a local file system all the same.
     */
    static final String FILE_SYSTEM_CHECKPOINTS = "org.apache.spark.sql.execution.streaming.FileSystemBasedCheckpointFileManager";

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** Local paths through this class, unless spark-submit chose another. */
    public static SparkConf configure(SparkConf conf) {
        return conf.setIfMissing(FILE_IMPL, NioLocalFileSystem.class.getName());
    }

    /** {@link #configure}, and a checkpoint on the local file system written through it. */
    public static SparkConf configureCheckpoint(SparkConf conf, String checkpoint) {
        String scheme = new Path(checkpoint).toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            conf.setIfMissing(CHECKPOINT_MANAGER, FILE_SYSTEM_CHECKPOINTS);
        }
        return configure(conf);
    }

    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
        }

        @Override
        public FileStatus getFileLinkStatus(Path path) throws IOException {
            // Only a real link needs Hadoop's own resolution of its target.
            return Files.isSymbolicLink(pathToFile(path).toPath()) ? super.getFileLinkStatus(path) : getFileStatus(path);
        }
    }

    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return set;
    }

    private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read, PosixFilePermission write,
                            PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            set.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            set.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            set.add(execute);
        }
    }
}
