package io.gcam.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Markdown guides honest: every code block under {@code docs/} that follows a marker
 * {@code <!-- snippet: <path>#<tag> -->} must equal, line for line, the region of that compiled
 * test between {@code // tag::<tag>[]} and {@code // end::<tag>[]} (or {@code // --- example: <tag> ---}
 * and {@code // --- end ---}), with the common indentation removed.
 */
class DocsSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#([^>]+?) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everySnippetInTheDocsMatchesItsCompiledTest() throws IOException {
        Path root = repositoryRoot();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            for (Path markdown : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = SNIPPET.matcher(Files.readString(markdown, StandardCharsets.UTF_8));
                while (m.find()) {
                    checked++;
                    String where = root.relativize(markdown) + " -> " + m.group(1) + "#" + m.group(2);
                    Path source = root.resolve(m.group(1));
                    if (!Files.isRegularFile(source)) {
                        mismatches.add(where + ": no such file");
                        continue;
                    }
                    String expected = region(source, m.group(2));
                    if (expected == null) {
                        mismatches.add(where + ": no region with that tag");
                    } else if (!expected.equals(trimBlankLines(m.group(3)))) {
                        mismatches.add(where + ": differs from the test; copy the region again:\n" + expected);
                    }
                }
            }
        }
        assertThat(checked).as("snippets found under docs/").isGreaterThanOrEqualTo(10);
        assertThat(mismatches).as("snippets out of date").isEmpty();
    }

    @Test
    void extractsATaggedRegionWithoutItsIndentation() throws IOException {
        Path file = Files.createTempFile("snippet", ".java");
        try {
            Files.writeString(file, "class X {\n    // tag::a[]\n    int x = 1;\n\n      int y = 2;\n    // end::a[]\n}\n");
            assertThat(region(file, "a")).isEqualTo("int x = 1;\n\n  int y = 2;");
            assertThat(region(file, "b")).isNull();
        } finally {
            Files.delete(file);
        }
    }

    private static String region(Path source, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> region = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String s = line.strip();
            if (!inside && (s.equals("// tag::" + tag + "[]") || s.equals("// --- example: " + tag + " ---"))) {
                inside = true;
            } else if (inside && (s.equals("// end::" + tag + "[]") || s.equals("// --- end ---"))) {
                return dedent(region);
            } else if (inside) {
                region.add(line);
            }
        }
        return null;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return trimBlankLines(out.toString());
    }

    private static String trimBlankLines(String text) {
        return text.replaceAll("^(\\s*\\n)+", "").stripTrailing();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/index.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (a parent directory holding docs/index.md)").isNotNull();
        return dir;
    }
}
