package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void dropsPathPartsControlCharactersAndLineBreaks() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\x\\cv.pdf")).isEqualTo("cv.pdf");
        assertThat(FileNames.sanitize("a\r\nSet-Cookie: x.pdf")).isEqualTo("aSet-Cookie x.pdf");
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitize("...hidden")).isEqualTo("hidden");
        assertThat(FileNames.sanitize("\u0000\u0007")).isEqualTo("document");
        assertThat(FileNames.sanitize(null)).isEqualTo("document");
    }

    @Test
    void cutsOverLongNamesKeepingTheExtension() {
        String name = FileNames.sanitize("學".repeat(500) + ".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith("學.pdf");
    }

    @Test
    void buildsAnAsciiOnlyContentDispositionForAnyScript() {
        assertThat(FileNames.contentDisposition("José \"CV\".pdf"))
                .isEqualTo("attachment; filename=\"Jos_ CV.pdf\"; filename*=UTF-8''Jos%C3%A9%20CV.pdf");
        assertThat(FileNames.contentDisposition("文件\r\n.pdf")).isEqualTo(
                "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%96%87%E4%BB%B6.pdf");
        assertThat(FileNames.contentDisposition("😀 100%.png")).matches("[\\x20-\\x7e]+")
                .contains("filename*=UTF-8''%F0%9F%98%80%20100%25.png");
    }
}
