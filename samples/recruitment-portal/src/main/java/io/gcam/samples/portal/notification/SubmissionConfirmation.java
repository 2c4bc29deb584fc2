package io.gcam.samples.portal.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.notification.NotificationRequest;
import io.gcam.notification.NotificationService;
import io.gcam.notification.NotificationTemplate;
import io.gcam.workflow.Application;
import io.gcam.workflow.WorkflowService;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails the applicant a confirmation when a recruitment application is submitted, to the address
 * the application form gives ({@code formData.email}), in the form's language
 * ({@code formData.language}). The email goes into the transactional outbox in the workflow's own
 * transaction, so there is no confirmation of an application that was rolled back. It names the
 * reference number, never the access code (shown once, on the page).
 */
public final class SubmissionConfirmation {

    static final NotificationTemplate RECEIVED = NotificationTemplate.builder("portal-application-received")
            .version(1)
            .email(GcamLocales.ENGLISH, "Application received: ((reference))",
                    "We received your civil-service recruitment application ((reference)).\n\nCheck its status with the"
                            + " reference number and the access code shown when you applied, at /status or at a kiosk.",
                    "<p>We received your civil-service recruitment application <b>((reference))</b>.</p><p>Check its"
                            + " status with the reference number and the access code shown when you applied, at /status"
                            + " or at a kiosk.</p>")
            .email(GcamLocales.TRADITIONAL_CHINESE, "已收到申請：((reference))",
                    "我們已收到您的公務人員招聘申請 ((reference))。\n\n請憑申請編號及申請時顯示的查詢碼，在 /status 或自助服務機查詢進度。",
                    "<p>我們已收到您的公務人員招聘申請 <b>((reference))</b>。</p><p>請憑申請編號及申請時顯示的查詢碼，在 /status"
                            + " 或自助服務機查詢進度。</p>")
            .email(GcamLocales.PORTUGUESE, "Candidatura recebida: ((reference))",
                    "Recebemos a sua candidatura ao recrutamento da função pública ((reference)).\n\nConsulte o estado"
                            + " com o número de referência e o código de acesso mostrado ao candidatar-se, em /status ou"
                            + " num quiosque.",
                    "<p>Recebemos a sua candidatura ao recrutamento da função pública <b>((reference))</b>.</p><p>"
                            + "Consulte o estado com o número de referência e o código de acesso mostrado ao"
                            + " candidatar-se, em /status ou num quiosque.</p>")
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionConfirmation.class);
    private static final Actor SENDER = Actor.system("portal-submission-confirmation");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SubmissionConfirmation() {
    }

    /**
     * Sends the confirmation of every recruitment application submitted from now on.
     *
     * @param events the portal's event publisher, which the workflow publishes on inside its transaction
     * @param workflow the workflow, to read the submitted application
     * @param notifications the portal's notifications
     * @return the subscription
     */
    public static SynchronousEventPublisher.Subscription subscribe(SynchronousEventPublisher events,
            WorkflowService workflow, NotificationWiring notifications) {
        NotificationService service = notifications.serviceWith(RECEIVED);
        return events.subscribe("workflow.application_submitted", event -> {
            Application application = workflow.get(SENDER, event.aggregateId());
            if (!"recruitment".equals(application.type())) {
                return;
            }
            JsonNode form;
            try {
                form = JSON.readTree(application.formData());
            } catch (IOException e) {
                LOG.warn("Application {} has a form that is not JSON; no confirmation sent", application.id());
                return;
            }
            String email = form == null ? "" : form.path("email").asText("").strip();
            if (email.isEmpty()) {
                return;
            }
            Locale locale = GcamLocales.resolve(Locale.forLanguageTag(form.path("language").asText("en")));
            service.send(SENDER, NotificationRequest.builder(RECEIVED.id()).toEmail(email).locale(locale)
                    .value("reference", application.referenceNumber()).reference(application.referenceNumber())
                    .agency(application.agency()).build());
        }, SynchronousEventPublisher.OnFailure.PROPAGATE);
    }
}
