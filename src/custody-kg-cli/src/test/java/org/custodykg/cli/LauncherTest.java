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
 * every folder the library's pom packs into the jar; and it writes its class-data archive once per jar
 * and maps it in every short command. It runs here in a copy of the repository's shape with a stand-in
 * {@code mvn} that records being called, so no real build is needed, and for the archive with a stand-in
 * {@code java} that records its arguments and writes the archive it is asked to.
 */
class LauncherTest {
    private static final String JAR = "src/custody-kg-cli/target/custody-kg-cli-0.1.0-app.jar";
    private static final String CDS = "target/custody-kg-0.1.0-cli.jsa";
    private static final String FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off";
    private static final String TRAINING = "java " + FLAGS + " -XX:ArchiveClassesAtExit=ROOT/" + CDS
            + ".PID -cp ROOT/" + JAR + " org.custodykg.cli.ArchiveTraining";
    private static final String ASK = "java " + FLAGS + " -XX:SharedArchiveFile=ROOT/" + CDS + " -jar ROOT/" + JAR
            + " ask key-custody --service iCloud";
    private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir
    Path root;
    /** CUSTODY_JAVA_OPTS for the launcher; null for none. */
    private String javaOptions;

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

    @Test
    void aMissingArchiveIsWrittenOnceByTheTrainingThenMappedAndNothingIsPrintedAboutIt() throws Exception {
        shapeTheRepository();
        standInJava(true);
        assertEquals(List.of(TRAINING, ASK), launchJava("ask", "key-custody", "--service", "iCloud"));
        assertEquals("the answer\n", Files.readString(root.resolve("launch.log")), "only the command's own output");
        assertEquals(List.of("custody-kg-0.1.0-cli.jsa"), targetFiles(), "the archive, under its own name");
        assertEquals(List.of(ASK), launchJava("ask", "key-custody", "--service", "iCloud"), "an archive newer than the jar is kept");
    }

    @Test
    void anArchiveOlderThanTheJarIsWrittenAgain() throws Exception {
        shapeTheRepository();
        standInJava(true);
        Path archive = archiveOfAnOlderJar();
        assertEquals(List.of(TRAINING, ASK), launchJava("ask", "key-custody", "--service", "iCloud"));
        assertEquals("archive", Files.readString(archive));
    }

    @Test
    void aFailedTrainingLeavesNoArchiveAndPrintsNothingAndTheCommandStillRuns() throws Exception {
        shapeTheRepository();
        standInJava(false);
        archiveOfAnOlderJar();
        String unmapped = "java " + FLAGS + " -jar ROOT/" + JAR + " ask key-custody --service iCloud";
        assertEquals(List.of(TRAINING, unmapped), launchJava("ask", "key-custody", "--service", "iCloud"));
        assertEquals("the answer\n", Files.readString(root.resolve("launch.log")));
        assertEquals(List.of(), targetFiles(), "neither the stale archive nor a half-written one");
    }

    @Test
    void longRunningCommandsUseTheFullJitAndNoArchive() throws Exception {
        shapeTheRepository();
        standInJava(true);
        for (String command : List.of("bench", "export", "generate")) {
            assertEquals(List.of("java -jar ROOT/" + JAR + " " + command), launchJava(command), command);
        }
        // load: its writer and its parser keep both cores busy, and the parallel collector keeps up best;
        // a first metaspace threshold its classes do not pass; the parsed data promoted at its first collection
        assertEquals(List.of("java -XX:MetaspaceSize=256m -XX:+UseParallelGC -XX:MaxTenuringThreshold=0 -jar ROOT/" + JAR + " load"),
                launchJava("load"));
        // serve: a bounded heap sized by what is live (docs/endpoint.md "Memory")
        assertEquals(List.of("java -XX:+UseSerialGC -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -jar ROOT/" + JAR
                + " serve"), launchJava("serve"));
        assertEquals(List.of(), targetFiles());
    }

    @Test
    void javaOptionsGivenToServeOrLoadComeLastAndTheirCollectorReplacesTheLaunchersOwn() throws Exception {
        shapeTheRepository();
        standInJava(true);
        javaOptions = "-Xmx6g -XX:+UseG1GC";
        assertEquals(List.of("java -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmx6g -XX:+UseG1GC -jar ROOT/" + JAR
                + " serve"), launchJava("serve"));
        assertEquals(List.of("java -XX:MetaspaceSize=256m -Xmx6g -XX:+UseG1GC -jar ROOT/" + JAR + " load"), launchJava("load"));
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

    private Path archiveOfAnOlderJar() throws IOException {
        Path archive = root.resolve(CDS);
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "archive of an older jar");
        Files.setLastModifiedTime(archive, FileTime.from(BUILT.minusSeconds(60)));
        return archive;
    }

    /**
     * A {@code java} that records its arguments (the folder as ROOT, the launcher's process id as PID),
     * answers a command with a line, and for {@code -XX:ArchiveClassesAtExit=FILE} writes FILE and exits
     * 0 ({@code trains}) or prints an error and exits 1 without writing it.
     */
    private void standInJava(boolean trains) throws IOException {
        Path java = root.resolve("bin/java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                root='%s'
                line="java $*"
                line="${line//"$root"/ROOT}"
                echo "${line//.$PPID /.PID }" >> "%s"
                for arg in "$@"; do
                    if [[ "$arg" == -XX:ArchiveClassesAtExit=* ]]; then
                        %s
                    fi
                done
                echo "the answer"
                """.formatted(root, root.resolve("java-calls"), trains
                ? "echo -n archive > \"${arg#*=}\"; exit 0"
                : "echo 'Error: training failed' >&2; exit 1"));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(root.resolve("java-calls"));
    }

    /** Runs the launcher with the stand-in {@code java} and returns its calls (and the recording is reset). */
    private List<String> launchJava(String... args) throws Exception {
        launch(args);
        Path calls = root.resolve("java-calls");
        List<String> made = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        Files.deleteIfExists(calls);
        return made;
    }

    private List<String> targetFiles() throws IOException {
        Path target = root.resolve("target");
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (var files = Files.list(target)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("custody-build.log")).sorted().toList();
        }
    }

    /** Runs {@code custody export} (a command that skips the class-data archive) and returns mvn's calls. */
    private List<String> launch() throws Exception {
        return launch("export");
    }

    /** Runs the launcher with these arguments (its output in launch.log) and returns mvn's calls. */
    private List<String> launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("custody").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(root.resolve("launch.log").toFile());
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        if (javaOptions != null) {
            builder.environment().put("CUSTODY_JAVA_OPTS", javaOptions);
        } else {
            builder.environment().remove("CUSTODY_JAVA_OPTS");
        }
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish: " + Files.readString(root.resolve("launch.log")));
        }
        Path calls = root.resolve("mvn-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
