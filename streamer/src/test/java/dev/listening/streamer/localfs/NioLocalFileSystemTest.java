package dev.listening.streamer.localfs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class NioLocalFileSystemTest {
    private static final String MANAGER = "spark.sql.streaming.checkpointFileManagerClass";

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aLocalCheckpointIsWrittenThroughTheFileSystemApiAndARemoteOneIsLeftToSpark() {
        for (String local : new String[] {"/tmp/ck", "file:///tmp/ck", "relative/ck"}) {
            SparkConf conf = NioLocalFileSystem.configureCheckpoint(new SparkConf(false), local);
            assertEquals(NioLocalFileSystem.FILE_SYSTEM_CHECKPOINTS, conf.get(MANAGER), local);
            assertEquals(NioLocalFileSystem.class.getName(), conf.get("spark.hadoop.fs.file.impl"), local);
        }
        SparkConf remote = NioLocalFileSystem.configureCheckpoint(new SparkConf(false), "hdfs://namenode:8020/ck");
        assertFalse(remote.contains(MANAGER));
        assertEquals(NioLocalFileSystem.class.getName(), remote.get("spark.hadoop.fs.file.impl"), "local files of the job still");
    }

    @Test
    void whatSparkSubmitWasGivenWins() {
        SparkConf conf = NioLocalFileSystem.configureCheckpoint(new SparkConf(false)
                .set("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem").set(MANAGER, "my.Manager"), "/ck");
        assertEquals("org.apache.hadoop.fs.LocalFileSystem", conf.get("spark.hadoop.fs.file.impl"));
        assertEquals("my.Manager", conf.get(MANAGER));
    }

    @Test
    void filesGetTheirPermissionsAndLinksAreSeenAsHadoopSeesThem() throws IOException {
        try (FileSystem fs = fileSystem()) {
            writeChmodAndLink(fs);
        }
    }

    private void writeChmodAndLink(FileSystem fs) throws IOException {
        assertInstanceOf(NioLocalFileSystem.class, fs, "Hadoop takes the class from the Spark configuration");
        Path file = new Path(dir.resolve("offsets").toUri());
        try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null)) {
            out.write("v1".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("offsets"))));
        assertEquals("v1", Files.readString(dir.resolve("offsets")));

        Files.createSymbolicLink(dir.resolve("latest"), dir.resolve("offsets"));
        Path link = new Path(dir.resolve("latest").toUri());
        try (FileSystem hadoops = FileSystem.newInstance(URI.create("file:///"), new Configuration())) {
            assertEquals(LocalFileSystem.class, hadoops.getClass());
            for (Path path : new Path[] {file, link}) {
                FileStatus expected = hadoops.getFileLinkStatus(path);
                FileStatus status = fs.getFileLinkStatus(path);
                assertEquals(expected, status, path.toString());
                assertEquals(expected.isSymlink(), status.isSymlink(), path.toString());
                assertEquals(expected.getLen(), status.getLen(), path.toString());
            }
        }

        fs.setPermission(file, new FsPermission((short) 0600));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("offsets"))));
    }

    private static FileSystem fileSystem() throws IOException {
        Configuration hadoop = SparkHadoopUtil.get().newConfiguration(NioLocalFileSystem.configure(new SparkConf(false)));
        return FileSystem.newInstance(URI.create("file:///"), hadoop);
    }
}
