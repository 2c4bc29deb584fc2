package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void acceptsTheFirstPageAndTheLargestSize() {
        PageRequest request = PageRequest.of(0, PageRequest.MAX_SIZE);
        assertThat(request.offset()).isZero();
        assertThat(PageRequest.first()).isEqualTo(PageRequest.of(0, PageRequest.DEFAULT_SIZE));
    }

    @Test
    void computesTheOffsetWithoutOverflow() {
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
        assertThat(PageRequest.of(Integer.MAX_VALUE, 200).offset()).isEqualTo(Integer.MAX_VALUE * 200L);
        assertThat(PageRequest.of(3, 20).next()).isEqualTo(PageRequest.of(4, 20));
    }

    @Test
    void rejectsANegativePageNamingTheField() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.violations()).extracting(ValidationException.Violation::field).containsExactly("page");
                    assertThat(e.violations().get(0).message().in(Locale.forLanguageTag("zh-MO")))
                            .isEqualTo("必須為 0 或以上（第一頁為 0）");
                });
    }

    @Test
    void rejectsASizeOutsideOneToTheMaximumInEveryLanguage() {
        for (int size : new int[] {0, -5, PageRequest.MAX_SIZE + 1}) {
            assertThatThrownBy(() -> PageRequest.of(0, size))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        ValidationException.Violation violation = e.violations().get(0);
                        assertThat(violation.field()).isEqualTo("size");
                        assertThat(violation.message()).isEqualTo(LocalizedText.of(
                                "must be between 1 and 200", "必須介乎 1 至 200 之間", "deve estar entre 1 e 200"));
                    });
        }
    }

    @Test
    void reportsBothBadFieldsAtOnce() {
        assertThatThrownBy(() -> PageRequest.of(-1, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("page", "size"));
    }

    @Test
    void pageKnowsItsNeighboursAndPageCount() {
        Page<String> middle = Page.of(List.of("d", "e", "f"), PageRequest.of(1, 3), 7);
        assertThat(middle.totalPages()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();

        Page<String> last = Page.of(List.of("g"), PageRequest.of(2, 3), 7);
        assertThat(last.hasNext()).isFalse();

        Page<String> exact = Page.of(List.of("d", "e", "f"), PageRequest.of(1, 3), 6);
        assertThat(exact.hasNext()).isFalse();
        assertThat(exact.totalPages()).isEqualTo(2);

        Page<String> empty = Page.empty(PageRequest.first());
        assertThat(empty.totalPages()).isZero();
        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.hasPrevious()).isFalse();
    }

    @Test
    void mapsItemsKeepingTheNumbers() {
        Page<Integer> lengths = Page.of(List.of("a", "bb"), PageRequest.of(0, 2), 5).map(String::length);
        assertThat(lengths).isEqualTo(new Page<>(List.of(1, 2), 0, 2, 5));
    }

    @Test
    void pageIsImmutable() {
        List<String> source = new java.util.ArrayList<>(List.of("a"));
        Page<String> page = Page.of(source, PageRequest.first(), 1);
        source.add("b");
        assertThat(page.items()).containsExactly("a");
        assertThatThrownBy(() -> page.items().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pageRejectsInconsistentNumbers() {
        assertThatThrownBy(() -> new Page<>(List.of("a", "b", "c"), 0, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of("a"), 1, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), 0, 2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), -1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
