package io.gcam.documents.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a JPEG without its metadata segments: APP1 (EXIF, with GPS, and XMP), APP3 to APP13
 * (including Photoshop IRB/IPTC) and APP15, and COM comments. APP0 (JFIF), APP2 (ICC colour profile)
 * and APP14 (Adobe colour transform) are kept because decoders need them. Image data is copied
 * unchanged, so nothing is re-encoded.
 */
public final class JpegMetadataStripper {

    private JpegMetadataStripper() {
    }

    /**
     * @param in a JPEG
     * @param out where the stripped JPEG goes
     * @return whether the input was a JPEG that could be walked (false: {@code out} is incomplete)
     * @throws IOException when reading or writing fails
     */
    public static boolean strip(InputStream in, OutputStream out) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readUnsignedShort() != 0xFFD8) {
            return false;
        }
        out.write(0xFF);
        out.write(0xD8);
        while (true) {
            int b = data.read();
            if (b != 0xFF) {
                return false;
            }
            int marker = data.readUnsignedByte();
            while (marker == 0xFF) {
                marker = data.readUnsignedByte();
            }
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                return true;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            int length = data.readUnsignedShort();
            if (length < 2) {
                return false;
            }
            boolean drop = marker == 0xE1 || (marker >= 0xE3 && marker <= 0xED) || marker == 0xEF || marker == 0xFE;
            if (drop) {
                data.skipNBytes(length - 2L);
                continue;
            }
            out.write(0xFF);
            out.write(marker);
            out.write(length >> 8);
            out.write(length & 0xFF);
            copy(data, out, length - 2L);
            if (marker == 0xDA) {
                // Entropy-coded data to the end: markers inside it are part of the image.
                data.transferTo(out);
                return true;
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                throw new java.io.EOFException();
            }
            out.write(buffer, 0, r);
            left -= r;
        }
    }
}
