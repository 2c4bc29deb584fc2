/*
 * Release checks for the GCAM build, run with the JDK's single-file launcher (no dependencies):
 *
 *   java scripts/ReleaseChecks.java bom [ROOT]
 *       gcam-bom lists every shipped jar and nothing else. Run by the build (bom/pom.xml, verify).
 *
 *   java scripts/ReleaseChecks.java bundle ROOT BUNDLE.zip
 *       A Central Publisher Portal bundle holds every shipped artifact of ROOT's version, each with
 *       a .pom, .jar, -sources.jar and -javadoc.jar (poms only for gcam-parent, gcam-bom and
 *       gcam-modules), every file with a .asc signature that gpg verifies (the key must be in
 *       the keyring of GNUPGHOME) and correct .md5/.sha1 (and, when present, .sha256/.sha512)
 *       checksums; and it holds nothing else, in particular no sample and no benchmark.
 *       Run by scripts/release-dry-run.sh.
 *
 * "Shipped" is read from the repository: every folder under modules/ whose pom.xml has packaging
 * jar, plus the poms of the root (gcam-parent), bom/ (gcam-bom) and modules/ (gcam-modules).
 * Samples and benchmarks are every pom.xml under samples/ and benchmarks/.
 *
 * Exit status: 0 when the check passes, 1 with one line per problem otherwise, 2 on bad usage.
 */

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

public class ReleaseChecks {

    /** Artifact ids that are never shipped, even before their folders exist. */
    static final Set<String> NEVER_SHIPPED = Set.of("gcam-samples", "gcam-benchmarks", "recruitment-portal");

    static final Map<String, String> CHECKSUMS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");
    static final List<String> REQUIRED_CHECKSUMS = List.of("md5", "sha1");

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("bom") && args.length <= 2) {
            Path root = Path.of(args.length == 2 ? args[1] : ".").toAbsolutePath().normalize();
            System.exit(report("BOM check", root, checkBom(root)));
        } else if (args.length == 3 && args[0].equals("bundle")) {
            Path root = Path.of(args[1]).toAbsolutePath().normalize();
            System.exit(report("Bundle check", root, checkBundle(root, Path.of(args[2]))));
        } else {
            System.err.println("usage: java scripts/ReleaseChecks.java bom [ROOT]");
            System.err.println("       java scripts/ReleaseChecks.java bundle ROOT BUNDLE.zip");
            System.exit(2);
        }
    }

    static int report(String check, Path root, Result result) {
        if (result.problems.isEmpty()) {
            System.out.println(check + " passed for " + root + ": " + result.summary);
            return 0;
        }
        System.err.println(check + " FAILED for " + root + " (" + result.problems.size() + " problem"
                + (result.problems.size() == 1 ? "" : "s") + "):");
        for (String problem : result.problems) {
            System.err.println("  - " + problem);
        }
        return 1;
    }

    record Result(List<String> problems, String summary) {
    }

    // ---------------------------------------------------------------- project model

    /** One Maven project of the repository. */
    record Pom(Path file, String groupId, String artifactId, String version, String packaging, Element xml) {

        static Pom read(Path file) {
            Element project = parse(file);
            Element parent = child(project, "parent");
            String groupId = text(project, "groupId", parent == null ? "" : text(parent, "groupId", ""));
            String version = text(project, "version", parent == null ? "" : text(parent, "version", ""));
            return new Pom(file, groupId, text(project, "artifactId", ""), version,
                    text(project, "packaging", "jar"), project);
        }
    }

    /** What the repository ships and what it never ships. */
    record Project(Pom root, Pom bom, Pom modulesParent, Map<String, Pom> jars, Map<String, String> neverShipped,
            List<String> problems) {

        static Project read(Path root) {
            List<String> problems = new ArrayList<>();
            Pom rootPom = Pom.read(root.resolve("pom.xml"));
            Pom bom = Pom.read(root.resolve("bom/pom.xml"));
            Pom modulesParent = Pom.read(root.resolve("modules/pom.xml"));
            Set<String> listed = new TreeSet<>();
            Element modules = child(modulesParent.xml(), "modules");
            if (modules != null) {
                for (Element module : children(modules, "module")) {
                    listed.add(module.getTextContent().trim());
                }
            }
            Map<String, Pom> jars = new TreeMap<>();
            try (Stream<Path> dirs = Files.list(root.resolve("modules"))) {
                for (Path dir : dirs.sorted().toList()) {
                    Path pomFile = dir.resolve("pom.xml");
                    if (!Files.isRegularFile(pomFile)) {
                        continue;
                    }
                    String folder = dir.getFileName().toString();
                    Pom pom = Pom.read(pomFile);
                    if (!pom.packaging().equals("jar")) {
                        problems.add("modules/" + folder + " has packaging " + pom.packaging()
                                + ": modules/ holds one folder per shipped jar");
                        continue;
                    }
                    if (!listed.remove(folder)) {
                        problems.add("modules/" + folder + " is not listed in <modules> of modules/pom.xml,"
                                + " so the build skips it: add <module>" + folder + "</module>");
                    }
                    jars.put(pom.artifactId(), pom);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String missing : listed) {
                problems.add("modules/pom.xml lists <module>" + missing + "</module>, but modules/" + missing
                        + "/pom.xml does not exist");
            }
            Map<String, String> neverShipped = new TreeMap<>();
            for (String name : NEVER_SHIPPED) {
                neverShipped.put(name, "a sample or benchmark");
            }
            for (String folder : List.of("samples", "benchmarks")) {
                for (Path pomFile : pomsUnder(root.resolve(folder))) {
                    neverShipped.put(Pom.read(pomFile).artifactId(),
                            "a " + (folder.equals("samples") ? "sample" : "benchmark") + " ("
                                    + root.relativize(pomFile) + ")");
                }
            }
            for (String jar : jars.keySet()) {
                if (neverShipped.containsKey(jar)) {
                    problems.add("modules/ holds " + jar + ", which is " + neverShipped.get(jar));
                }
            }
            return new Project(rootPom, bom, modulesParent, jars, neverShipped, problems);
        }

        String groupId() {
            return root.groupId();
        }

        String version() {
            return root.version();
        }

        /** Every shipped artifact with the files it must have, in bundle order. */
        Map<String, List<String>> shippedArtifacts() {
            Map<String, List<String>> artifacts = new LinkedHashMap<>();
            for (Pom pom : List.of(root, bom, modulesParent)) {
                artifacts.put(pom.artifactId(), List.of(".pom"));
            }
            for (String jar : jars.keySet()) {
                artifacts.put(jar, List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar"));
            }
            return artifacts;
        }
    }

    // ---------------------------------------------------------------- bom

    static Result checkBom(Path root) {
        Project project = Project.read(root);
        List<String> problems = new ArrayList<>(project.problems());
        Pom bom = project.bom();
        String where = "bom/pom.xml";
        if (!bom.packaging().equals("pom")) {
            problems.add(where + " has packaging " + bom.packaging() + ", expected pom");
        }
        if (child(bom.xml(), "dependencies") != null) {
            problems.add(where + " declares <dependencies>: a BOM only manages versions, in <dependencyManagement>");
        }
        if (child(bom.xml(), "modules") != null) {
            problems.add(where + " declares <modules>: a BOM aggregates nothing");
        }
        Map<String, Integer> listed = new TreeMap<>();
        Element management = child(bom.xml(), "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        for (Element dependency : dependencies == null ? List.<Element>of() : children(dependencies, "dependency")) {
            String groupId = text(dependency, "groupId", "");
            String artifactId = text(dependency, "artifactId", "");
            String version = text(dependency, "version", "");
            String coordinates = groupId + ":" + artifactId;
            boolean gcam = groupId.equals("${project.groupId}") || groupId.equals(project.groupId());
            if (!gcam) {
                problems.add(where + " lists " + coordinates + ", which is not a GCAM jar: the BOM pins GCAM jars"
                        + " only (third-party versions live in modules/pom.xml)");
                continue;
            }
            if (project.neverShipped().containsKey(artifactId)) {
                problems.add(where + " lists " + artifactId + ", which is " + project.neverShipped().get(artifactId)
                        + " and never shipped: remove it");
            } else if (!project.jars().containsKey(artifactId)) {
                problems.add(where + " lists " + artifactId + ", but no folder under modules/ builds that jar: remove"
                        + " it or add the module");
            }
            if (!version.equals("${project.version}")) {
                problems.add(where + ": " + artifactId + " has version '" + version + "', expected ${project.version}");
            }
            if (child(dependency, "type") != null || child(dependency, "scope") != null
                    || child(dependency, "classifier") != null) {
                problems.add(where + ": " + artifactId + " sets type, scope or classifier; list the plain jar");
            }
            listed.merge(artifactId, 1, Integer::sum);
        }
        listed.forEach((artifactId, count) -> {
            if (count > 1) {
                problems.add(where + " lists " + artifactId + " " + count + " times");
            }
        });
        for (Map.Entry<String, Pom> jar : project.jars().entrySet()) {
            if (!listed.containsKey(jar.getKey())) {
                problems.add(where + " is missing " + jar.getKey() + " (" + root.relativize(jar.getValue().file())
                        + " is a shipped jar): add it to <dependencyManagement> with version ${project.version}");
            }
        }
        return new Result(problems, project.jars().size() + " shipped jars, all in gcam-bom: "
                + String.join(", ", project.jars().keySet()));
    }

    // ---------------------------------------------------------------- bundle

    static Result checkBundle(Path root, Path bundle) throws IOException, InterruptedException {
        Project project = Project.read(root);
        List<String> problems = new ArrayList<>(project.problems());
        if (!Files.isRegularFile(bundle)) {
            problems.add("bundle " + bundle + " does not exist (did the central-publishing-maven-plugin run with a"
                    + " release version?)");
            return new Result(problems, "");
        }
        String version = project.version();
        if (version.endsWith("-SNAPSHOT")) {
            problems.add("version " + version + " is a snapshot: Central bundles hold release versions only");
        }
        String base = project.groupId().replace('.', '/') + "/";
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        Set<String> unexplained = new TreeSet<>(entries.keySet());
        Path scratch = Files.createTempDirectory("gcam-bundle-check");
        int files = 0;
        try {
            for (Map.Entry<String, List<String>> artifact : project.shippedArtifacts().entrySet()) {
                String artifactId = artifact.getKey();
                String prefix = base + artifactId + "/" + version + "/" + artifactId + "-" + version;
                for (String suffix : artifact.getValue()) {
                    String path = prefix + suffix;
                    byte[] content = entries.get(path);
                    if (content == null) {
                        problems.add("missing " + path);
                        continue;
                    }
                    files++;
                    unexplained.remove(path);
                    checkContent(path, suffix, content, artifactId, version, project, problems);
                    for (String algorithm : CHECKSUMS.keySet()) {
                        String sumPath = path + "." + algorithm;
                        byte[] sum = entries.get(sumPath);
                        unexplained.remove(sumPath);
                        if (sum == null) {
                            if (REQUIRED_CHECKSUMS.contains(algorithm)) {
                                problems.add("missing checksum " + sumPath);
                            }
                            continue;
                        }
                        String expected = digest(CHECKSUMS.get(algorithm), content);
                        String actual = new String(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
                        if (!expected.equalsIgnoreCase(actual)) {
                            problems.add("wrong checksum " + sumPath + ": has " + actual + ", file hashes to " + expected);
                        }
                    }
                    String signaturePath = path + ".asc";
                    byte[] signature = entries.get(signaturePath);
                    unexplained.remove(signaturePath);
                    if (signature == null) {
                        problems.add("missing signature " + signaturePath);
                    } else {
                        String failure = verifySignature(scratch, content, signature);
                        if (failure != null) {
                            problems.add("signature " + signaturePath + " does not verify: " + failure);
                        }
                    }
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Map<String, List<String>> unexplainedByArtifact = new TreeMap<>();
        for (String path : unexplained) {
            String[] segments = path.startsWith(base) ? path.substring(base.length()).split("/") : new String[0];
            String artifactId = segments.length > 1 && project.neverShipped().containsKey(segments[0]) ? segments[0] : "";
            unexplainedByArtifact.computeIfAbsent(artifactId, a -> new ArrayList<>()).add(path);
        }
        unexplainedByArtifact.forEach((artifactId, paths) -> {
            if (artifactId.isEmpty()) {
                paths.forEach(path -> problems.add("bundle contains " + path
                        + ", which is not a file of a shipped artifact"));
            } else {
                problems.add("bundle contains " + paths.size() + " files of " + artifactId + " (" + paths.get(0)
                        + ", ...): " + artifactId + " is " + project.neverShipped().get(artifactId)
                        + " and must not be published; add it to excludeArtifacts of the"
                        + " central-publishing-maven-plugin in the root pom");
            }
        });
        return new Result(problems, files + " files of " + project.shippedArtifacts().size() + " artifacts ("
                + String.join(", ", project.shippedArtifacts().keySet()) + "), version " + version
                + ", each signed and checksummed; no sample or benchmark");
    }

    static void checkContent(String path, String suffix, byte[] content, String artifactId, String version,
            Project project, List<String> problems) throws IOException {
        switch (suffix) {
            case ".pom" -> {
                Element pom = parse(content, path);
                Element parent = child(pom, "parent");
                String pomVersion = text(pom, "version", parent == null ? "" : text(parent, "version", ""));
                if (!text(pom, "artifactId", "").equals(artifactId) || !pomVersion.equals(version)) {
                    problems.add(path + " describes " + text(pom, "artifactId", "?") + ":" + pomVersion
                            + ", expected " + artifactId + ":" + version);
                }
                for (String required : List.of("name", "description")) {
                    if (text(pom, required, "").isBlank()) {
                        problems.add(path + " has no <" + required + "> (Central requires it)");
                    }
                }
            }
            case ".jar" -> {
                List<String> names = jarEntries(content);
                if (names.stream().noneMatch(n -> n.endsWith(".class"))) {
                    problems.add(path + " contains no class: the module has no code to ship yet");
                }
                try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content))) {
                    Manifest manifest = jar.getManifest();
                    String name = manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
                    if (name == null || name.isBlank()) {
                        problems.add(path + " has no Automatic-Module-Name in its manifest");
                    }
                }
            }
            case "-sources.jar" -> {
                if (jarEntries(content).stream().noneMatch(n -> n.endsWith(".java"))) {
                    problems.add(path + " contains no .java file");
                }
            }
            case "-javadoc.jar" -> {
                if (!jarEntries(content).contains("index.html")) {
                    problems.add(path + " contains no index.html");
                }
            }
            default -> throw new IllegalStateException(suffix);
        }
    }

    static String verifySignature(Path scratch, byte[] content, byte[] signature)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(scratch, "file", ".bin");
        Path asc = Files.createTempFile(scratch, "file", ".asc");
        Files.write(file, content);
        Files.write(asc, signature);
        Process gpg;
        try {
            gpg = new ProcessBuilder("gpg", "--batch", "--no-tty", "--status-fd", "1", "--verify",
                    asc.toString(), file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "gpg could not be run (" + e.getMessage() + "); install GnuPG";
        }
        String output = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = gpg.waitFor();
        if (status == 0 && output.contains("[GNUPG:] VALIDSIG")) {
            return null;
        }
        String reason = output.lines().filter(l -> l.startsWith("[GNUPG:] BADSIG") || l.startsWith("[GNUPG:] ERRSIG")
                || l.startsWith("[GNUPG:] NO_PUBKEY") || l.startsWith("[GNUPG:] NODATA")).findFirst()
                .orElse(output.lines().reduce((a, b) -> b).orElse("no output"));
        return "gpg exit " + status + ", " + reason.replace("[GNUPG:] ", "");
    }

    static List<String> jarEntries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- xml helpers

    static List<Path> pomsUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> {
                        for (Path segment : dir.relativize(p)) {
                            if (segment.toString().equals("target")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element parse(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Element parse(byte[] xml, String name) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot parse " + name + ": " + e.getMessage(), e);
        }
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    static String text(Element parent, String name, String otherwise) {
        Element e = child(parent, name);
        return e == null ? otherwise : e.getTextContent().trim();
    }
}
