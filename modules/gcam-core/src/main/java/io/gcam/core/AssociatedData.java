package io.gcam.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an encrypted value belongs to, bound into its ciphertext by {@link FieldCipher}: a value
 * only decrypts with the same associated data it was encrypted with. Binding a value to its table,
 * column and row means that copying a ciphertext into another row (or column) makes it unreadable
 * instead of silently moving personal data to another person.
 *
 * <pre>{@code
 * AssociatedData owner = AssociatedData.forColumn("gcam_profile", "id_number", profileId.value());
 * String stored = cipher.encrypt(idNumber, owner);
 * }</pre>
 *
 * @param parts the ordered parts; each is encoded with its length, so {@code ("ab", "c")} and
 *     {@code ("a", "bc")} differ
 */
public record AssociatedData(List<String> parts) {

    /** Copies the parts. */
    public AssociatedData {
        parts = List.copyOf(parts);
    }

    /**
     * @param parts the ordered parts
     * @return associated data made of {@code parts}
     */
    public static AssociatedData of(String... parts) {
        return new AssociatedData(List.of(parts));
    }

    /**
     * @param table the table name
     * @param column the column name
     * @param rowId the identifier of the row (never a personal value such as an ID-card number)
     * @return associated data binding a value to one cell
     */
    public static AssociatedData forColumn(String table, String column, String rowId) {
        return of(table, column, rowId);
    }

    /** @return the unambiguous byte encoding: per part, a 4-byte length and the UTF-8 bytes */
    byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
