package io.gcam.identity;

import io.gcam.core.LocalizedText;

/** Kinds of identity document whose numbers GCAM knows how to check (see {@link IdentityDocuments}). */
public enum IdentityDocumentType {
    /** Hong Kong identity card: one or two letters, six digits and a MOD 11 check character. */
    HONG_KONG_IDENTITY_CARD(LocalizedText.of("Hong Kong identity card", "香港身份證",
            "bilhete de identidade de Hong Kong")),
    /** Macau resident identity card (BIR): eight digits, the first 1, 5 or 7; format only. */
    MACAU_RESIDENT_IDENTITY_CARD(LocalizedText.of("Macao resident identity card", "澳門居民身份證",
            "bilhete de identidade de residente de Macau")),
    /** Resident identity card of mainland China: 18 characters, GB 11643 with ISO 7064 MOD 11-2. */
    CHINA_RESIDENT_IDENTITY_CARD(LocalizedText.of("resident identity card of mainland China", "內地居民身份證",
            "bilhete de identidade de residente do Interior da China")),
    /** A passport (ICAO 9303 TD3); its number is checked through the machine-readable zone. */
    PASSPORT(LocalizedText.of("passport", "護照", "passaporte")),
    /** Any other document; its number is kept but not checked. */
    OTHER(LocalizedText.of("identity document", "身份證明文件", "documento de identificação"));

    private final LocalizedText displayName;

    IdentityDocumentType(LocalizedText displayName) {
        this.displayName = displayName;
    }

    /** @return the document's name as people say it, in English, Traditional Chinese and Portuguese */
    public LocalizedText displayName() {
        return displayName;
    }
}
