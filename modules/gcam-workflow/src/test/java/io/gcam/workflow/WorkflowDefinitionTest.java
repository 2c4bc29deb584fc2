package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.LocalizedText;
import io.gcam.workflow.DefinitionProblem.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {

    private static StateDefinition state(String name) {
        return new StateDefinition(name, LocalizedText.english(name), false, null, false);
    }

    private static StateDefinition terminal(String name) {
        return new StateDefinition(name, LocalizedText.english(name), true, null, false);
    }

    private static List<Kind> problems(Runnable build) {
        try {
            build.run();
        } catch (WorkflowDefinitionException e) {
            assertThat(e.code()).isEqualTo("WORKFLOW_DEFINITION_INVALID");
            return e.problems().stream().map(DefinitionProblem::kind).toList();
        }
        throw new AssertionError("definition was accepted");
    }

    private static WorkflowDefinition json(String text) {
        return WorkflowDefinition.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheRecruitmentDefinitionFromJson() {
        WorkflowDefinition d = WorkflowDefinition.fromResource(getClass().getClassLoader(),
                "workflows/recruitment-v1.json");
        assertThat(d.type()).isEqualTo("recruitment");
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.startState()).isEqualTo("submitted");
        assertThat(d.overallSlaWorkingDays()).contains(30);
        assertThat(d.state("documents_requested").orElseThrow().documentsAllowed()).isTrue();
        assertThat(d.state("screening").orElseThrow().publicLabel().zhHant()).isEqualTo("審查中");
        assertThat(d.state("screening").orElseThrow().slaWorkingDays()).isEqualTo(5);
        ActionDefinition approve = d.action("approve").orElseThrow();
        assertThat(approve.approvals()).isEqualTo(2);
        assertThat(approve.notByPreviousActor()).isTrue();
        assertThat(approve.roles()).containsExactly("PANEL");
        assertThat(d.action("resubmit").orElseThrow().by()).isEqualTo(ActionDefinition.Performer.APPLICANT);
        assertThat(d.actionsAvailableIn("interview")).extracting(ActionDefinition::name)
                .containsExactly("approve", "reject", "withdraw");
        assertThat(d.actionsAvailableIn("approved")).isEmpty();
    }

    @Test
    void buildsAnEquivalentDefinitionWithTheBuilder() {
        WorkflowDefinition d = WorkflowDefinition.builder("permit", 3)
                .start("filed")
                .state(state("filed"))
                .state(terminal("granted"))
                .action(ActionDefinition.builder("grant").from("filed").to("granted").roles("OFFICER").build())
                .build();
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.action("grant").orElseThrow().by()).isEqualTo(ActionDefinition.Performer.STAFF);
    }

    @Test
    void rejectsAnActionLeadingToAnUnknownState() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("a").state(state("a"))
                .state(terminal("done"))
                .action(ActionDefinition.builder("go").from("a").to("nowhere").roles("R").build())
                .action(ActionDefinition.builder("finish").from("a").to("done").roles("R").build())
                .build())).containsExactly(Kind.UNKNOWN_STATE);
    }

    @Test
    void rejectsAnUnknownStartState() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("x").state(terminal("done")).build()))
                .contains(Kind.UNKNOWN_STATE);
    }

    @Test
    void rejectsAnUnreachableState() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("a").state(state("a"))
                .state(state("island")).state(terminal("done"))
                .action(ActionDefinition.builder("finish").from("a", "island").to("done").roles("R").build())
                .build())).containsExactly(Kind.UNREACHABLE_STATE);
    }

    @Test
    void rejectsADefinitionWithoutTerminalState() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("a").state(state("a")).state(state("b"))
                .action(ActionDefinition.builder("ab").from("a").to("b").roles("R").build())
                .action(ActionDefinition.builder("ba").from("b").to("a").roles("R").build())
                .build())).containsExactly(Kind.NO_TERMINAL_STATE);
    }

    @Test
    void rejectsAStaffActionWithoutRoles() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("a").state(state("a"))
                .state(terminal("done"))
                .action(ActionDefinition.builder("finish").from("a").to("done").build())
                .build())).containsExactly(Kind.ACTION_WITHOUT_ROLES);
    }

    @Test
    void rejectsDeadEndsActionsFromTerminalStatesAndBadNumbers() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("a").state(state("a"))
                .state(state("stuck")).state(terminal("done"))
                .action(ActionDefinition.builder("go").from("a").to("stuck").roles("R").approvals(0).build())
                .action(ActionDefinition.builder("finish").from("a").to("done").roles("R").build())
                .action(ActionDefinition.builder("reopen").from("done").to("a").roles("R").build())
                .build())).containsExactlyInAnyOrder(Kind.INVALID_NUMBER, Kind.DEAD_END_STATE,
                Kind.ACTION_FROM_TERMINAL_STATE);
    }

    @Test
    void rejectsDuplicateNamesAndApplicantActionsWithRoles() {
        assertThat(problems(() -> WorkflowDefinition.builder("t", 1).start("a").state(state("a")).state(state("a"))
                .state(terminal("done"))
                .action(ActionDefinition.builder("finish").from("a").to("done").byApplicant().roles("R").build())
                .build())).containsExactlyInAnyOrder(Kind.DUPLICATE_NAME, Kind.APPLICANT_ACTION_WITH_ROLES);
    }

    @Test
    void listsEveryProblemOfAJsonDefinitionWithItsLocation() {
        assertThatThrownBy(() -> json("""
                {"type": "t", "version": 1, "start": "a", "colour": "red",
                 "states": [{"name": "a", "label": {"en": "A"}}, {"name": "done", "terminal": true}],
                 "actions": [{"name": "finish", "from": ["a"], "to": "done", "by": "CLERK"}]}
                """))
                .isInstanceOfSatisfying(WorkflowDefinitionException.class, e -> {
                    assertThat(e.problems()).extracting(DefinitionProblem::where)
                            .containsExactly("definition", "state done", "action finish");
                    assertThat(e.problems()).extracting(DefinitionProblem::kind).containsOnly(Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("unknown field 'colour'", "by must be STAFF or APPLICANT");
                });
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThat(problems(() -> json("{not json"))).containsExactly(Kind.MALFORMED);
        assertThat(problems(() -> json("[]"))).containsExactly(Kind.MALFORMED);
    }

    @Test
    void keepsEveryVersionOfATypeAndHandsOutTheLatest() {
        WorkflowDefinition v1 = WorkflowDefinition.builder("t", 1).start("a").state(state("a"))
                .state(terminal("done"))
                .action(ActionDefinition.builder("finish").from("a").to("done").roles("R").build()).build();
        WorkflowDefinition v2 = WorkflowDefinition.builder("t", 2).start("a").state(state("a"))
                .state(terminal("closed"))
                .action(ActionDefinition.builder("close").from("a").to("closed").roles("R").build()).build();
        WorkflowDefinitions registry = WorkflowDefinitions.of(v2, v1);
        assertThat(registry.latest("t")).isSameAs(v2);
        assertThat(registry.get("t", 1)).isSameAs(v1);
        assertThatThrownBy(() -> registry.latest("unknown"))
                .isInstanceOfSatisfying(io.gcam.core.GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("WORKFLOW_TYPE_UNKNOWN"));
        assertThatThrownBy(() -> registry.register(WorkflowDefinition.builder("t", 2).start("a").state(state("a"))
                .state(terminal("closed"))
                .action(ActionDefinition.builder("close").from("a").to("closed").roles("R").build()).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
