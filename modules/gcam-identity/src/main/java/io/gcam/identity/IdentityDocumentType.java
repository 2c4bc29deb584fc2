package io.gcam.identity;

/** Kinds of identity document whose numbers GCAM knows how to check (see {@link IdentityDocuments}). */
public enum IdentityDocumentType {
    /** Hong Kong identity card: one or two letters, six digits and a MOD 11 check character. */
    HONG_KONG_IDENTITY_CARD,
    /** Macau resident identity card (BIR): eight digits, the first 1, 5 or 7; format only. */
    MACAU_RESIDENT_IDENTITY_CARD,
    /** Resident identity card of mainland China: 18 characters, GB 11643 with ISO 7064 MOD 11-2. */
    CHINA_RESIDENT_IDENTITY_CARD,
    /** A passport (ICAO 9303 TD3); its number is checked through the machine-readable zone. */
    PASSPORT,
    /** Any other document; its number is kept but not checked. */
    OTHER
}
