package io.gcam.testkit.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release checks of the repository ({@code scripts/ReleaseChecks.java}): the BOM check passes on
 * the real repository and fails on fake repositories with a bad BOM; the bundle check passes on a
 * complete signed bundle and fails, naming the file, on each kind of incomplete or wrong bundle.
 *
 * <p>These tests live in gcam-testkit because it is the module whose tests cover the whole
 * repository. They compile the script once and run it as a separate process, as the build does.
 */
class ReleaseChecksTest {

    private static final String VERSION = "1.0.0";
    private static Path repository;
    private static Path compiled;

    @BeforeAll
    static void compileTheScript(@TempDir Path classes) {
        repository = findRepositoryRoot();
        var compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK (with javac) runs the tests").isNotNull();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-d", classes.toString(),
                repository.resolve("scripts/ReleaseChecks.java").toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        compiled = classes;
    }

    @Nested
    class BomCheck {

        @Test
        void passesOnTheRealRepository() {
            Run run = check(Map.of(), "bom", repository.toString());

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).contains("BOM check passed").contains("gcam-core").contains("gcam-testkit");
        }

        @Test
        void passesWhenTheBomListsExactlyTheShippedJars(@TempDir Path dir) {
            Run run = bomCheck(new FakeRepository(dir).write());

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).contains("2 shipped jars, all in gcam-bom: gcam-a, gcam-b");
        }

        @Test
        void failsWhenAShippedJarIsMissingFromTheBom(@TempDir Path dir) {
            Run run = bomCheck(new FakeRepository(dir).bomEntries(gcam("gcam-a")).write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("bom/pom.xml is missing gcam-b (modules/gcam-b/pom.xml is a shipped jar)");
        }

        @Test
        void failsWhenTheBomListsASample(@TempDir Path dir) {
            Run run = bomCheck(new FakeRepository(dir)
                    .bomEntries(gcam("gcam-a"), gcam("gcam-b"), gcam("recruitment-portal")).write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("bom/pom.xml lists recruitment-portal, which is a sample");
        }

        @Test
        void failsWhenTheBomListsABenchmark(@TempDir Path dir) {
            Run run = bomCheck(new FakeRepository(dir)
                    .bomEntries(gcam("gcam-a"), gcam("gcam-b"), gcam("gcam-benchmarks")).write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("bom/pom.xml lists gcam-benchmarks, which is a benchmark");
        }

        @Test
        void failsWhenTheBomListsAThirdPartyArtifact(@TempDir Path dir) {
            String jacksonBom = "<dependency><groupId>com.fasterxml.jackson</groupId>"
                    + "<artifactId>jackson-bom</artifactId><version>2.21.8</version>"
                    + "<type>pom</type><scope>import</scope></dependency>";
            Run run = bomCheck(new FakeRepository(dir).bomEntries(gcam("gcam-a"), gcam("gcam-b"), jacksonBom).write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("lists com.fasterxml.jackson:jackson-bom, which is not a GCAM jar");
        }

        @Test
        void failsWhenTheBomListsAJarThatNoModuleBuilds(@TempDir Path dir) {
            Run run = bomCheck(new FakeRepository(dir)
                    .bomEntries(gcam("gcam-a"), gcam("gcam-b"), gcam("gcam-ghost")).write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("lists gcam-ghost, but no folder under modules/ builds that jar");
        }

        @Test
        void failsWhenABomEntryDoesNotUseTheProjectVersion(@TempDir Path dir) {
            String pinned = "<dependency><groupId>io.gcam</groupId><artifactId>gcam-b</artifactId>"
                    + "<version>0.9.0</version></dependency>";
            Run run = bomCheck(new FakeRepository(dir).bomEntries(gcam("gcam-a"), pinned).write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("gcam-b has version '0.9.0', expected ${project.version}");
        }

        @Test
        void failsWhenAJarModuleIsNotBuiltByTheModulesParent(@TempDir Path dir) {
            Run run = bomCheck(new FakeRepository(dir).unlistedModule("gcam-b").write());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("modules/gcam-b is not listed in <modules> of modules/pom.xml");
        }

        private Run bomCheck(Path root) {
            return check(Map.of(), "bom", root.toString());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BundleCheck {

        private Path gnupgHome;
        private Path root;
        private Map<String, byte[]> completeBundle;

        @BeforeAll
        void createSigningKeyAndCompleteBundle(@TempDir Path dir) throws IOException {
            assumeTrue(gpgIsInstalled(), "GnuPG (gpg) is not installed; .ci/run installs it");
            gnupgHome = Files.createDirectory(dir.resolve("gnupg"));
            gpg(null, "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
                    "GCAM test <test@gcam.invalid>", "ed25519", "sign", "1d");
            root = new FakeRepository(Files.createDirectory(dir.resolve("repo"))).write();
            completeBundle = new LinkedHashMap<>();
            for (String artifact : List.of("gcam-parent", "gcam-bom", "gcam-modules")) {
                addSigned(completeBundle, path(artifact, ".pom"), pomOf(artifact));
            }
            for (String artifact : List.of("gcam-a", "gcam-b")) {
                addSigned(completeBundle, path(artifact, ".pom"), pomOf(artifact));
                addSigned(completeBundle, path(artifact, ".jar"), jar(true, "io/gcam/x/X.class"));
                addSigned(completeBundle, path(artifact, "-sources.jar"), jar(false, "io/gcam/x/X.java"));
                addSigned(completeBundle, path(artifact, "-javadoc.jar"), jar(false, "index.html"));
            }
        }

        @AfterAll
        void stopGpgAgent() {
            if (gnupgHome != null) {
                run(List.of("gpgconf", "--homedir", gnupgHome.toString(), "--kill", "all"), Map.of(), null);
            }
        }

        @Test
        void acceptsACompleteSignedBundle(@TempDir Path dir) {
            Run run = bundleCheck(dir, completeBundle);

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).contains("Bundle check passed").contains("11 files of 5 artifacts");
        }

        @Test
        void rejectsABundleWithoutAJavadocJar(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            bundle.keySet().removeIf(name -> name.contains("gcam-b-1.0.0-javadoc.jar"));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("missing io/gcam/gcam-b/1.0.0/gcam-b-1.0.0-javadoc.jar");
        }

        @Test
        void rejectsAWrongChecksum(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            bundle.put(path("gcam-a", ".jar.sha1"), "0000000000000000000000000000000000000000".getBytes(StandardCharsets.US_ASCII));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("wrong checksum io/gcam/gcam-a/1.0.0/gcam-a-1.0.0.jar.sha1");
        }

        @Test
        void rejectsAMissingChecksum(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            bundle.remove(path("gcam-bom", ".pom.md5"));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("missing checksum io/gcam/gcam-bom/1.0.0/gcam-bom-1.0.0.pom.md5");
        }

        @Test
        void rejectsAMissingSignature(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            bundle.remove(path("gcam-a", "-sources.jar.asc"));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("missing signature io/gcam/gcam-a/1.0.0/gcam-a-1.0.0-sources.jar.asc");
        }

        @Test
        void rejectsAFileChangedAfterSigning(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            byte[] changed = jar(true, "io/gcam/x/X.class", "io/gcam/x/Injected.class");
            bundle.put(path("gcam-a", ".jar"), changed);
            bundle.put(path("gcam-a", ".jar.md5"), hex("MD5", changed));
            bundle.put(path("gcam-a", ".jar.sha1"), hex("SHA-1", changed));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output())
                    .contains("signature io/gcam/gcam-a/1.0.0/gcam-a-1.0.0.jar.asc does not verify")
                    .contains("BADSIG");
        }

        @Test
        void rejectsASampleInTheBundle(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            addSigned(bundle, path("recruitment-portal", ".jar"), jar(true, "io/gcam/sample/Portal.class"));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("bundle contains 4 files of recruitment-portal"
                    + " (io/gcam/recruitment-portal/1.0.0/recruitment-portal-1.0.0.jar, ...): recruitment-portal is a sample");
        }

        @Test
        void rejectsABenchmarkInTheBundle(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            addSigned(bundle, path("gcam-benchmarks", ".pom"), pomOf("gcam-modules"));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("gcam-benchmarks is a benchmark");
        }

        @Test
        void rejectsAFileThatBelongsToNoShippedArtifact(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            addSigned(bundle, path("gcam-a", "-tests.jar"), jar(true, "io/gcam/x/XTest.class"));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("bundle contains io/gcam/gcam-a/1.0.0/gcam-a-1.0.0-tests.jar,"
                    + " which is not a file of a shipped artifact");
        }

        @Test
        void rejectsAJarWithoutClasses(@TempDir Path dir) {
            Map<String, byte[]> bundle = new LinkedHashMap<>(completeBundle);
            addSigned(bundle, path("gcam-b", ".jar"), jar(true));

            Run run = bundleCheck(dir, bundle);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("io/gcam/gcam-b/1.0.0/gcam-b-1.0.0.jar contains no class");
        }

        private Run bundleCheck(Path dir, Map<String, byte[]> entries) {
            Path zip = dir.resolve("central-bundle.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    out.putNextEntry(new ZipEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return check(Map.of("GNUPGHOME", gnupgHome.toString()), "bundle", root.toString(), zip.toString());
        }

        private void addSigned(Map<String, byte[]> bundle, String path, byte[] content) {
            bundle.put(path, content);
            bundle.put(path + ".md5", hex("MD5", content));
            bundle.put(path + ".sha1", hex("SHA-1", content));
            bundle.put(path + ".asc", gpg(content, "--armor", "--detach-sign", "--output", "-"));
        }

        private byte[] pomOf(String artifactId) {
            Path file = switch (artifactId) {
                case "gcam-parent" -> root.resolve("pom.xml");
                case "gcam-bom" -> root.resolve("bom/pom.xml");
                case "gcam-modules" -> root.resolve("modules/pom.xml");
                default -> root.resolve("modules/" + artifactId + "/pom.xml");
            };
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private byte[] gpg(byte[] input, String... arguments) {
            List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--quiet"));
            command.addAll(List.of(arguments));
            Run run = run(command, Map.of("GNUPGHOME", gnupgHome.toString()), input);
            assertThat(run.status()).as("gpg " + String.join(" ", arguments) + ": " + run.output()).isZero();
            return run.stdout();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A minimal repository laid out like GCAM's, with jar modules gcam-a and gcam-b. */
    private static final class FakeRepository {
        private final Path root;
        private List<String> bomEntries = List.of(gcam("gcam-a"), gcam("gcam-b"));
        private String unlisted = "";

        FakeRepository(Path root) {
            this.root = root;
        }

        FakeRepository bomEntries(String... entries) {
            this.bomEntries = List.of(entries);
            return this;
        }

        FakeRepository unlistedModule(String module) {
            this.unlisted = module;
            return this;
        }

        Path write() {
            write("pom.xml", project(null, "gcam-parent", "pom",
                    "<modules><module>bom</module><module>modules</module><module>samples</module>"
                            + "<module>benchmarks</module></modules>"));
            write("bom/pom.xml", project("gcam-parent", "gcam-bom", "pom",
                    "<dependencyManagement><dependencies>" + String.join("", bomEntries)
                            + "</dependencies></dependencyManagement>"));
            StringBuilder modules = new StringBuilder("<modules>");
            for (String module : List.of("gcam-a", "gcam-b")) {
                if (!module.equals(unlisted)) {
                    modules.append("<module>").append(module).append("</module>");
                }
                write("modules/" + module + "/pom.xml", project("gcam-modules", module, null, ""));
            }
            write("modules/pom.xml", project("gcam-parent", "gcam-modules", "pom", modules + "</modules>"));
            write("samples/pom.xml", project("gcam-modules", "gcam-samples", "pom",
                    "<modules><module>recruitment-portal</module></modules>"));
            write("samples/recruitment-portal/pom.xml", project("gcam-samples", "recruitment-portal", null, ""));
            write("benchmarks/pom.xml", project("gcam-modules", "gcam-benchmarks", null, ""));
            return root;
        }

        private static String project(String parent, String artifactId, String packaging, String body) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                    + (parent == null
                            ? "  <groupId>io.gcam</groupId>\n"
                            : "  <parent><groupId>io.gcam</groupId><artifactId>" + parent + "</artifactId><version>"
                                    + VERSION + "</version></parent>\n")
                    + "  <artifactId>" + artifactId + "</artifactId>\n"
                    + (parent == null ? "  <version>" + VERSION + "</version>\n" : "")
                    + (packaging == null ? "" : "  <packaging>" + packaging + "</packaging>\n")
                    + "  <name>" + artifactId + "</name>\n  <description>Test " + artifactId + ".</description>\n"
                    + "  " + body + "\n</project>\n";
        }

        private void write(String path, String content) {
            try {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String gcam(String artifactId) {
        return "<dependency><groupId>io.gcam</groupId><artifactId>" + artifactId
                + "</artifactId><version>${project.version}</version></dependency>";
    }

    private static String path(String artifactId, String suffix) {
        return "io/gcam/" + artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION + suffix;
    }

    private static byte[] jar(boolean withManifest, String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ZipOutputStream out;
            if (withManifest) {
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                manifest.getMainAttributes().putValue("Automatic-Module-Name", "io.gcam.x");
                out = new JarOutputStream(bytes, manifest);
            } else {
                out = new ZipOutputStream(bytes);
            }
            try (out) {
                for (String entry : entries) {
                    out.putNextEntry(new ZipEntry(entry));
                    out.write(entry.getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int status, byte[] stdout, String output) {
    }

    private static Run check(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", compiled.toString(), "ReleaseChecks"));
        command.addAll(List.of(arguments));
        return run(command, environment, null);
    }

    private static Run run(List<String> command, Map<String, String> environment, byte[] input) {
        try {
            Path errors = Files.createTempFile("gcam-release-checks", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                try (var stdin = process.getOutputStream()) {
                    if (input != null) {
                        stdin.write(input);
                    }
                }
                byte[] stdout = process.getInputStream().readAllBytes();
                assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command) + " ends").isTrue();
                String output = new String(stdout, StandardCharsets.UTF_8) + Files.readString(errors);
                return new Run(process.exitValue(), stdout, output);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean gpgIsInstalled() {
        try {
            Process process = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path findRepositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/ReleaseChecks.java")) && Files.isRegularFile(dir.resolve("bom/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the GCAM repository: no scripts/ReleaseChecks.java above "
                + Path.of("").toAbsolutePath());
    }
}
