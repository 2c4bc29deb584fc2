package io.gcam.profile;

/** How well someone speaks, reads and writes a language, after the CEFR levels. */
public enum Proficiency {
    /** Breakthrough (CEFR A1). */
    A1,
    /** Waystage (CEFR A2). */
    A2,
    /** Threshold (CEFR B1). */
    B1,
    /** Vantage (CEFR B2). */
    B2,
    /** Effective operational proficiency (CEFR C1). */
    C1,
    /** Mastery (CEFR C2). */
    C2,
    /** Native or first language. */
    NATIVE
}
