package io.gcam.documents.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads image dimensions from PNG, JPEG and GIF headers without decoding pixels. */
public final class ImageHeaders {

    private ImageHeaders() {
    }

    /**
     * @param mediaType the detected media type
     * @param in the image content
     * @return {width, height}, or {@code null} when the header is damaged
     * @throws IOException when reading fails
     */
    public static long @org.jspecify.annotations.Nullable [] dimensions(String mediaType, InputStream in)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            switch (mediaType) {
                case "image/png" -> {
                    data.skipNBytes(8);
                    int length = data.readInt();
                    int type = data.readInt();
                    if (type != 0x49484452 || length != 13) {
                        return null;
                    }
                    return new long[] {Integer.toUnsignedLong(data.readInt()), Integer.toUnsignedLong(data.readInt())};
                }
                case "image/gif" -> {
                    data.skipNBytes(6);
                    int w = data.readUnsignedByte() | data.readUnsignedByte() << 8;
                    int h = data.readUnsignedByte() | data.readUnsignedByte() << 8;
                    return new long[] {w, h};
                }
                case "image/jpeg" -> {
                    return jpeg(data);
                }
                default -> {
                    return null;
                }
            }
        } catch (EOFException e) {
            return null;
        }
    }

    private static long @org.jspecify.annotations.Nullable [] jpeg(DataInputStream data) throws IOException {
        if (data.readUnsignedShort() != 0xFFD8) {
            return null;
        }
        while (true) {
            int b = data.readUnsignedByte();
            if (b != 0xFF) {
                return null;
            }
            int marker = data.readUnsignedByte();
            while (marker == 0xFF) {
                marker = data.readUnsignedByte();
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = data.readUnsignedShort();
            if (length < 2) {
                return null;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                data.readUnsignedByte();
                int h = data.readUnsignedShort();
                int w = data.readUnsignedShort();
                return new long[] {w, h};
            }
            data.skipNBytes(length - 2L);
        }
    }
}
