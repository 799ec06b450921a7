package org.treatygraph.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/**
 * Reads the input files, which must be UTF-8. Java's own decoding either replaces a bad byte silently or
 * fails with "Input length = 1"; here the first bad byte is an error at its line and column, in words.
 */
final class Utf8 {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Utf8() {}

    /** The file's text. @throws InputException at the first byte that is not UTF-8 */
    static String read(Path file, String displayName) throws IOException {
        return decode(Files.readAllBytes(file), displayName);
    }

    /** The bytes as text. @throws InputException at the first byte that is not UTF-8 */
    static String decode(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        String before = out.flip().toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        int b = bytes[in.position()] & 0xff;
        throw new InputException(new Problem(new Location(displayName, line, column), String.format(
                "this file is not UTF-8: the byte 0x%02X here is not a character in UTF-8%s; save the file as UTF-8", b, legacy(b))));
    }

    /** The file's text with any byte that is not UTF-8 replaced, to look into a file already reported. */
    static String lenient(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** What the byte is in the usual culprit, a file saved as Windows-1252 (Latin-1 plus curly quotes and dashes). */
    private static String legacy(int b) {
        String c = new String(new byte[] {(byte) b}, WINDOWS_1252);
        return b < 0x80 || c.equals("\uFFFD") || Character.isISOControl(c.charAt(0)) ? ""
                : " (in Windows-1252, an older encoding, it is '" + c + "')";
    }
}
