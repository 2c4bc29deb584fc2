package io.gcam.catalog;

import static io.gcam.catalog.Fixture.DSAL_EDITOR;
import static io.gcam.catalog.Fixture.SAFP_CLERK;
import static io.gcam.catalog.Fixture.SAFP_EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.testsupport.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    private HikariDataSource pool;
    private Fixture f;
    private CatalogService catalog;

    @BeforeEach
    void setUp() {
        pool = TestDatabases.h2().newPool(4);
        f = new Fixture(pool);
        catalog = f.catalog;
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    private void publishBoth() {
        catalog.create(SAFP_EDITOR, Fixture.recruitment());
        catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 1, null);
        catalog.create(DSAL_EDITOR, Fixture.workPermit());
        catalog.publish(DSAL_EDITOR, "DSAL-JOBSEEK", 1, null);
    }

    private List<String> codes(Page<ServiceEntry> page) {
        return page.items().stream().map(ServiceEntry::code).toList();
    }

    private List<String> search(String text) {
        return codes(catalog.search(CatalogQuery.text(text), PageRequest.first()));
    }

    // ---------------------------------------------------------------------------- lifecycle

    @Test
    void keepsADraftFromThePublicUntilItIsPublished() {
        ServiceEntry draft = catalog.create(SAFP_EDITOR, Fixture.recruitment());

        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.status()).isEqualTo(ServiceStatus.DRAFT);
        assertThat(catalog.find("SAFP-RECRUIT")).isEmpty();
        assertThat(search("recruitment")).isEmpty();

        ServiceEntry published = catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 1, null);

        assertThat(published.status()).isEqualTo(ServiceStatus.PUBLISHED);
        assertThat(published.effectiveFrom()).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(catalog.find("SAFP-RECRUIT")).get().isEqualTo(published);
        assertThat(catalog.find("SAFP-RECRUIT").orElseThrow().definition()).isEqualTo(Fixture.recruitment());
    }

    @Test
    void changingAPublishedServiceMakesANewDraftAndThePublicKeepsTheOldVersionUntilItIsPublished() {
        publishBoth();
        ServiceDefinition changed = Fixture.recruitment().toBuilder()
                .name(LocalizedText.of("Unified recruitment", "統一招聘", "Recrutamento unificado")).build();

        ServiceEntry draft = catalog.update(SAFP_EDITOR, changed);

        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.status()).isEqualTo(ServiceStatus.DRAFT);
        assertThat(catalog.find("SAFP-RECRUIT").orElseThrow().version()).isEqualTo(1);
        assertThat(search("unificado")).isEmpty();

        catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 2, null);

        assertThat(catalog.find("SAFP-RECRUIT").orElseThrow().version()).isEqualTo(2);
        assertThat(search("Unificado")).containsExactly("SAFP-RECRUIT");
        assertThat(catalog.versions(SAFP_EDITOR, "SAFP-RECRUIT")).extracting(ServiceEntry::status)
                .containsExactly(ServiceStatus.RETIRED, ServiceStatus.PUBLISHED);
    }

    @Test
    void editsADraftInPlace() {
        catalog.create(SAFP_EDITOR, Fixture.recruitment());
        ServiceEntry edited = catalog.update(SAFP_EDITOR, Fixture.recruitment().toBuilder().category("jobs").build());

        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(catalog.versions(SAFP_EDITOR, "SAFP-RECRUIT")).hasSize(1)
                .allSatisfy(e -> assertThat(e.definition().category()).isEqualTo("jobs"));
    }

    @Test
    void showsAVersionWithAFutureEffectiveDateOnlyFromThatDay() {
        publishBoth();
        catalog.update(SAFP_EDITOR, Fixture.recruitment().toBuilder().category("jobs").build());
        catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 2, LocalDate.of(2026, 10, 5));

        assertThat(catalog.find("SAFP-RECRUIT").orElseThrow().version()).isEqualTo(1);
        assertThat(codes(catalog.search(CatalogQuery.builder().category("jobs").build(), PageRequest.first())))
                .isEmpty();

        f.clock.advance(Duration.ofDays(6));

        assertThat(catalog.find("SAFP-RECRUIT").orElseThrow().version()).isEqualTo(2);
        assertThat(codes(catalog.search(CatalogQuery.builder().category("jobs").build(), PageRequest.first())))
                .containsExactly("SAFP-RECRUIT");
    }

    @Test
    void retiringRemovesTheServiceFromThePublicCatalogue() {
        publishBoth();

        List<ServiceEntry> retired = catalog.retire(SAFP_EDITOR, "SAFP-RECRUIT");

        assertThat(retired).extracting(ServiceEntry::status).containsExactly(ServiceStatus.RETIRED);
        assertThat(catalog.find("SAFP-RECRUIT")).isEmpty();
        assertThat(search("recruitment")).isEmpty();
        assertThat(search("employment")).isEmpty();
        assertThat(codes(catalog.search(CatalogQuery.all(), PageRequest.first()))).containsExactly("DSAL-JOBSEEK");
        assertThatThrownBy(() -> catalog.retire(SAFP_EDITOR, "SAFP-RECRUIT"))
                .isInstanceOfSatisfying(CatalogException.class,
                        e -> assertThat(e.code()).isEqualTo("SERVICE_STATUS_INVALID"));
    }

    @Test
    void refusesToPublishAVersionThatIsNotADraft() {
        publishBoth();

        assertThatThrownBy(() -> catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 1, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo("SERVICE_STATUS_INVALID");
                    assertThat(e.getMessage()).contains("SAFP-RECRUIT").contains("PUBLISHED");
                });
    }

    @Test
    void refusesAnEffectiveDateInThePast() {
        catalog.create(SAFP_EDITOR, Fixture.recruitment());

        assertThatThrownBy(() -> catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 1, LocalDate.of(2026, 9, 28)))
                .isInstanceOf(ValidationException.class);
        assertThat(catalog.versions(SAFP_EDITOR, "SAFP-RECRUIT").get(0).status()).isEqualTo(ServiceStatus.DRAFT);
    }

    @Test
    void refusesASecondServiceWithTheSameCode() {
        catalog.create(SAFP_EDITOR, Fixture.recruitment());

        assertThatThrownBy(() -> catalog.create(SAFP_EDITOR, Fixture.recruitment()))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_CODE_TAKEN"));
        assertThat(f.count("SELECT COUNT(*) FROM gcam_cat_service")).isEqualTo(1);
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() {
        ServiceDefinition bad = ServiceDefinition.builder("bad code", "SAFP")
                .name(LocalizedText.english("x".repeat(301)))
                .description(LocalizedText.english("d"))
                .category("Employment")
                .applyOnlineUrl("javascript:alert(1)")
                .build();

        assertThatThrownBy(() -> catalog.create(SAFP_EDITOR, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field)
                        .containsExactlyInAnyOrder("code", "category", "name", "steps", "applyOnlineUrl"));
        assertThat(f.count("SELECT COUNT(*) FROM gcam_cat_service")).isZero();
        assertThat(f.published).isEmpty();
    }

    // ---------------------------------------------------------------------------- authorization

    @Test
    void letsOnlyEditorsOfTheOwningAgencyManageItsServices() {
        assertThatThrownBy(() -> catalog.create(DSAL_EDITOR, Fixture.recruitment()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalog.create(SAFP_CLERK, Fixture.recruitment()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalog.create(Actor.applicant("citizen-1"), Fixture.recruitment()))
                .isInstanceOf(AccessDeniedException.class);
        catalog.create(SAFP_EDITOR, Fixture.recruitment());

        assertThatThrownBy(() -> catalog.publish(DSAL_EDITOR, "SAFP-RECRUIT", 1, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.retire(DSAL_EDITOR, "SAFP-RECRUIT")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.versions(SAFP_CLERK, "SAFP-RECRUIT")).isInstanceOf(NotFoundException.class);
        ServiceDefinition hijack = ServiceDefinition.builder("SAFP-RECRUIT", "DSAL").name(LocalizedText.english("x"))
                .description(LocalizedText.english("x")).category("employment")
                .step(new Step(LocalizedText.english("x"), null, List.of(), List.of(), Set.of(Channel.ONLINE))).build();
        assertThatThrownBy(() -> catalog.update(DSAL_EDITOR, hijack)).isInstanceOf(NotFoundException.class);
        assertThat(catalog.versions(SAFP_EDITOR, "SAFP-RECRUIT")).singleElement()
                .satisfies(e -> assertThat(e.agency()).isEqualTo("SAFP"));
        assertThat(catalog.versions(Actor.system("import"), "SAFP-RECRUIT")).hasSize(1);
    }

    @Test
    void auditsAndAnnouncesEveryChange() {
        publishBoth();
        catalog.retire(DSAL_EDITOR, "DSAL-JOBSEEK");

        assertThat(f.published).extracting(DomainEvent::type).containsExactly(
                "catalog.service_created", "catalog.service_published",
                "catalog.service_created", "catalog.service_published", "catalog.service_retired");
        assertThat(f.published.get(1).agency()).isEqualTo("SAFP");
        assertThat(f.published.get(1).aggregateId()).isEqualTo("SAFP-RECRUIT");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action LIKE 'catalog.%'")).isEqualTo(5);
        assertThat(f.audit.verify().ok()).isTrue();
    }

    // ---------------------------------------------------------------------------- search

    @Test
    void findsTheRecruitmentServiceInEachLanguageWhateverTheCaseAndAccents() {
        publishBoth();

        assertThat(search("recruitment")).containsExactly("SAFP-RECRUIT");
        assertThat(search("RECRUITMENT")).containsExactly("SAFP-RECRUIT");
        assertThat(search("recrutamento")).containsExactly("SAFP-RECRUIT");
        assertThat(search("Recrutamento")).containsExactly("SAFP-RECRUIT");
        assertThat(search("função")).containsExactly("SAFP-RECRUIT");
        assertThat(search("funcao")).containsExactly("SAFP-RECRUIT");
        assertThat(search("招聘")).containsExactly("SAFP-RECRUIT");
        assertThat(search("公務人員招聘")).containsExactly("SAFP-RECRUIT");
        assertThat(search("人員")).containsExactly("SAFP-RECRUIT");
        assertThat(search("求職")).containsExactly("DSAL-JOBSEEK");
    }

    @Test
    void chineseQueriesMatchCharacterSequencesNotScatteredCharacters() {
        publishBoth();

        assertThat(search("招員")).isEmpty();
        assertThat(search("聘公")).isEmpty();
    }

    @Test
    void matchesWordBeginningsAndRequiresEveryWord() {
        publishBoth();

        assertThat(search("recruit")).containsExactly("SAFP-RECRUIT");
        assertThat(search("civil service")).containsExactly("SAFP-RECRUIT");
        assertThat(search("civil seeker")).isEmpty();
        assertThat(search("safp-recruit")).containsExactly("SAFP-RECRUIT");
        assertThat(search("   ")).containsExactly("DSAL-JOBSEEK", "SAFP-RECRUIT");
    }

    @Test
    void ranksANameMatchAboveADescriptionMatch() {
        publishBoth();
        catalog.create(SAFP_EDITOR, ServiceDefinition.builder("SAFP-TRAINING", "SAFP")
                .name(LocalizedText.english("Training for new staff"))
                .description(LocalizedText.english("Courses after recruitment into the public administration"))
                .category("training")
                .step(new Step(LocalizedText.english("Enrol"), null, List.of(), List.of(), Set.of(Channel.ONLINE)))
                .build());
        catalog.publish(SAFP_EDITOR, "SAFP-TRAINING", 1, null);

        assertThat(search("recruitment")).containsExactly("SAFP-RECRUIT", "SAFP-TRAINING");
        assertThat(search("training")).containsExactly("SAFP-TRAINING");
    }

    @Test
    void filtersByAgencyCategoryChannelAndLifeEvent() {
        publishBoth();

        assertThat(codes(catalog.search(CatalogQuery.builder().agency("DSAL").build(), PageRequest.first())))
                .containsExactly("DSAL-JOBSEEK");
        assertThat(codes(catalog.search(CatalogQuery.builder().channel(Channel.ONLINE).build(), PageRequest.first())))
                .containsExactly("SAFP-RECRUIT");
        assertThat(codes(catalog.search(CatalogQuery.builder().channel(Channel.COUNTER).build(), PageRequest.first())))
                .containsExactly("DSAL-JOBSEEK", "SAFP-RECRUIT");
        assertThat(codes(catalog.search(CatalogQuery.builder().lifeEvent("looking-for-work").category("employment")
                .text("job").build(), PageRequest.first()))).containsExactlyInAnyOrder("DSAL-JOBSEEK", "SAFP-RECRUIT");
        assertThat(codes(catalog.search(CatalogQuery.builder().agency("NOPE").build(), PageRequest.first()))).isEmpty();
        assertThat(catalog.facets().agencies()).containsExactly("DSAL", "SAFP");
    }

    @Test
    void pagesThroughResults() {
        publishBoth();

        Page<ServiceEntry> first = catalog.search(CatalogQuery.all(), PageRequest.of(0, 1));
        Page<ServiceEntry> second = catalog.search(CatalogQuery.all(), PageRequest.of(1, 1));

        assertThat(first.total()).isEqualTo(2);
        assertThat(codes(first)).containsExactly("DSAL-JOBSEEK");
        assertThat(codes(second)).containsExactly("SAFP-RECRUIT");
        assertThat(second.hasNext()).isFalse();
        assertThat(catalog.search(CatalogQuery.all(), PageRequest.of(5, 1)).items()).isEmpty();
    }

    @Test
    void seesChangesMadeThroughAnotherInstanceSharingTheStore() {
        CatalogService other = f.newCatalog();
        assertThat(other.search(CatalogQuery.all(), PageRequest.first()).items()).isEmpty();

        publishBoth();

        assertThat(codes(other.search(CatalogQuery.text("招聘"), PageRequest.first()))).containsExactly("SAFP-RECRUIT");
    }

    @Test
    void refusesAnOverlongQuery() {
        assertThatThrownBy(() -> catalog.search(CatalogQuery.text("a".repeat(201)), PageRequest.first()))
                .isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------------------- import / export

    @Test
    void exportsAndImportsTheCatalogueAsJson() {
        publishBoth();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exported = catalog.exportJson(SAFP_EDITOR, "SAFP", out);

        assertThat(exported).isEqualTo(1);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"gcam-catalog\"").contains("公務人員招聘").doesNotContain("DSAL");

        HikariDataSource otherPool = TestDatabases.h2().newPool(2);
        try {
            Fixture elsewhere = new Fixture(otherPool);
            List<ServiceEntry> imported = elsewhere.catalog.importJson(SAFP_EDITOR,
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

            assertThat(imported).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(ServiceStatus.DRAFT);
                assertThat(e.definition()).isEqualTo(Fixture.recruitment());
            });
        } finally {
            otherPool.close();
        }
    }

    @Test
    void importsAllOrNothing() {
        String json = """
                {"format":"gcam-catalog","formatVersion":1,"services":[
                  {"code":"SAFP-A","agency":"SAFP","name":{"en":"A"},"description":{"en":"A"},"category":"misc",
                   "steps":[{"title":{"en":"Go"},"channels":["ONLINE"]}]},
                  {"code":"SAFP-B","agency":"SAFP","name":{"en":"B"},"description":{"en":"B"},"category":"Not A Slug",
                   "steps":[{"title":{"en":"Go"},"channels":["ONLINE"]}]}
                ]}""";

        assertThatThrownBy(() -> catalog.importJson(SAFP_EDITOR, stream(json)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("services[1].category"));
        assertThat(f.count("SELECT COUNT(*) FROM gcam_cat_service")).isZero();

        String otherAgency = json.replace("\"agency\":\"SAFP\",\"name\":{\"en\":\"B\"}", "\"agency\":\"DSAL\",\"name\":{\"en\":\"B\"}")
                .replace("Not A Slug", "misc");
        assertThatThrownBy(() -> catalog.importJson(SAFP_EDITOR, stream(otherAgency)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.count("SELECT COUNT(*) FROM gcam_cat_service")).isZero();

        assertThat(catalog.importJson(SAFP_EDITOR, stream(json.replace("Not A Slug", "misc")))).hasSize(2);
    }

    @Test
    void rejectsAFileThatIsNotACatalogue() {
        assertThatThrownBy(() -> catalog.importJson(SAFP_EDITOR, stream("{\"services\": [")))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CATALOG_IMPORT_INVALID");
                    assertThat(e.getMessage()).contains("line");
                });
        assertThatThrownBy(() -> catalog.importJson(SAFP_EDITOR, stream("{\"format\":\"other\"}")))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CATALOG_IMPORT_INVALID"));
        assertThatThrownBy(() -> catalog.importJson(SAFP_EDITOR, stream(
                "{\"format\":\"gcam-catalog\",\"formatVersion\":1,\"services\":[{\"code\":\"X1\",\"agency\":\"SAFP\"}]}")))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("CATALOG_IMPORT_INVALID");
                    assertThat(e.getMessage()).contains("services[0]");
                });
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
