package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    private final Actor owner = Actor.applicant("app-1");
    private final Actor otherApplicant = Actor.applicant("app-2");
    private final Actor reviewer = Actor.staff("staff-1", "SAFP", "REVIEWER");
    private final Actor clerk = Actor.staff("staff-2", "SAFP", "CLERK");
    private final Actor foreignReviewer = Actor.staff("staff-3", "DSAL", "REVIEWER");
    private final Actor system = Actor.system("notification-worker");

    @Test
    void theOwnerStaffOfTheAgencyAndTheSystemMayAccessAnApplicantsObject() {
        assertThat(owner.isOwnerOrStaffOf("app-1", "SAFP")).isTrue();
        assertThat(reviewer.isOwnerOrStaffOf("app-1", "SAFP")).isTrue();
        assertThat(clerk.isOwnerOrStaffOf("app-1", "SAFP")).isTrue();
        assertThat(system.isOwnerOrStaffOf("app-1", "SAFP")).isTrue();
    }

    @Test
    void anotherApplicantAndStaffOfAnotherAgencyMayNot() {
        assertThat(otherApplicant.isOwnerOrStaffOf("app-1", "SAFP")).isFalse();
        assertThat(foreignReviewer.isOwnerOrStaffOf("app-1", "SAFP")).isFalse();
    }

    @Test
    void staffWhoseSubjectIdEqualsTheOwnerGetNoOwnerRightsInAnotherAgency() {
        Actor staffNamedLikeOwner = Actor.staff("app-1", "DSAL", "REVIEWER");
        assertThat(staffNamedLikeOwner.isOwnerOrStaffOf("app-1", "SAFP")).isFalse();
    }

    @Test
    void requireOwnerOrStaffThrowsAccessDeniedNamingTheOperation() {
        assertThatCode(() -> owner.requireOwnerOrStaffOf("app-1", "SAFP", "view application")).doesNotThrowAnyException();
        assertThatThrownBy(() -> otherApplicant.requireOwnerOrStaffOf("app-1", "SAFP", "view application"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo("ACCESS_DENIED");
                    assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
                    assertThat(e.getMessage()).isEqualTo("You are not allowed to view application.");
                    assertThat(e.localizedMessage(Locale.forLanguageTag("zh-MO"))).isEqualTo("您無權view application。");
                });
    }

    @Test
    void requireRoleNeedsTheRoleInTheSameAgencyOrTheSystem() {
        assertThatCode(() -> reviewer.requireRole("SAFP", "REVIEWER", "approve")).doesNotThrowAnyException();
        assertThatCode(() -> system.requireRole("SAFP", "REVIEWER", "approve")).doesNotThrowAnyException();
        assertThatThrownBy(() -> clerk.requireRole("SAFP", "REVIEWER", "approve")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> foreignReviewer.requireRole("SAFP", "REVIEWER", "approve"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> owner.requireRole("SAFP", "REVIEWER", "approve")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rolesAreHeldOnlyByStaff() {
        assertThat(reviewer.hasRole("REVIEWER")).isTrue();
        assertThat(reviewer.hasRole("reviewer")).isFalse();
        assertThat(owner.hasRole("REVIEWER")).isFalse();
        assertThat(system.hasRole("REVIEWER")).isFalse();
        assertThat(reviewer.isStaffOf("SAFP")).isTrue();
        assertThat(reviewer.isStaffOf("DSAL")).isFalse();
        assertThat(system.isStaffOf("SAFP")).isFalse();
    }

    @Test
    void kindsAreExclusive() {
        assertThat(owner.isApplicant()).isTrue();
        assertThat(owner.isStaff() || owner.isSystem()).isFalse();
        assertThat(reviewer.isStaff()).isTrue();
        assertThat(reviewer.isApplicant() || reviewer.isSystem()).isFalse();
        assertThat(system.isSystem()).isTrue();
        assertThat(system.isApplicant() || system.isStaff()).isFalse();
    }

    @Test
    void toleratesDuplicateRolesAndKeepsAnImmutableCopy() {
        Set<String> roles = new HashSet<>(Set.of("REVIEWER"));
        Actor actor = new Actor("staff-1", Actor.Kind.STAFF, "SAFP", roles);
        roles.add("APPROVER");
        assertThat(actor.roles()).containsExactly("REVIEWER");
        assertThatThrownBy(() -> actor.roles().add("X")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Actor.staff("staff-1", "SAFP", "REVIEWER", "REVIEWER").roles()).containsExactly("REVIEWER");
    }

    @Test
    void rejectsInconsistentActors() {
        assertThatThrownBy(() -> Actor.applicant(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.staff("staff-1", " ", "REVIEWER")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor("staff-1", Actor.Kind.STAFF, null, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor("app-1", Actor.Kind.APPLICANT, "SAFP", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor("app-1", Actor.Kind.APPLICANT, null, Set.of("REVIEWER")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsOnlyOpaqueIdsAgencyAndRoles() {
        assertThat(reviewer.toString()).isEqualTo("Actor[STAFF staff-1@SAFP [REVIEWER]]");
        assertThat(owner.toString()).isEqualTo("Actor[APPLICANT app-1 []]");
    }
}
