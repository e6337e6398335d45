package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./custody}) rebuilds the jar when anything it is built from changed: the code and
 * every folder the library's pom packs into the jar. It runs here in a copy of the repository's shape with
 * a stand-in {@code mvn} that records being called, so no real build is needed.
 */
class LauncherTest {
    private static final String JAR = "src/custody-kg-cli/target/custody-kg-cli-0.1.0-app.jar";
    private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir
    Path root;

    @Test
    void aChangeInEveryFolderPackedIntoTheJarRebuildsIt() throws Exception {
        List<String> packed = packedFolders();
        assertEquals(List.of("ontology", "data", "queries", "rules"), packed);
        for (String folder : packed) {
            shapeTheRepository();
            touchAfterTheBuild(folder + "/changed.ttl");
            assertEquals(List.of("-q -B -DskipTests package -pl src/custody-kg-cli -am"), launch(), folder);
        }
        for (String source : List.of("src/custody-kg/src/main/java/Changed.java", "pom.xml")) {
            shapeTheRepository();
            touchAfterTheBuild(source);
            assertEquals(List.of("-q -B -DskipTests package -pl src/custody-kg-cli -am"), launch(), source);
        }
    }

    @Test
    void buildOutputAndNothingChangedDoNotRebuild() throws Exception {
        shapeTheRepository();
        assertEquals(List.of(), launch(), "nothing changed");
        touchAfterTheBuild("src/custody-kg/target/classes/Changed.class");
        touchAfterTheBuild("src/custody-kg-server/node_modules/x/index.js");
        assertEquals(List.of(), launch(), "only build output changed");
    }

    /** The folders the library's pom takes resources from, relative to the repository's root. */
    private static List<String> packedFolders() throws IOException {
        String pom = Files.readString(Path.of("src/custody-kg/pom.xml"));
        Matcher directory = Pattern.compile("<directory>\\$\\{custody\\.root\\}/([^<]+)</directory>").matcher(pom);
        List<String> folders = new ArrayList<>();
        while (directory.find()) {
            folders.add(directory.group(1));
        }
        return folders;
    }

    private void shapeTheRepository() throws IOException {
        Files.copy(Path.of("custody"), root.resolve("custody"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (String file : List.of("pom.xml", "ontology/custody.ttl", "data/sources.ttl", "queries/key-custody.rq",
                "rules/README.md", "src/custody-kg/src/main/java/A.java", "src/custody-kg/target/classes/A.class",
                "src/custody-kg-server/node_modules/x/package.json", JAR)) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "");
        }
        try (var files = Files.walk(root)) {
            for (Path path : files.toList()) {
                Files.setLastModifiedTime(path, FileTime.from(BUILT.minusSeconds(3600)));
            }
        }
        Files.setLastModifiedTime(root.resolve(JAR), FileTime.from(BUILT));
        Path bin = root.resolve("bin");
        Files.createDirectories(bin);
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\necho \"$*\" >> \"" + root.resolve("mvn-calls") + "\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(root.resolve("mvn-calls"));
    }

    private void touchAfterTheBuild(String file) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "changed");
        Files.setLastModifiedTime(path, FileTime.from(BUILT.plusSeconds(60)));
    }

    /** Runs {@code custody export} (a command that skips the class-data archive) and returns mvn's calls. */
    private List<String> launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("custody").toString(), "export")
                .redirectErrorStream(true).redirectOutput(root.resolve("launch.log").toFile());
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish: " + Files.readString(root.resolve("launch.log")));
        }
        Path calls = root.resolve("mvn-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
