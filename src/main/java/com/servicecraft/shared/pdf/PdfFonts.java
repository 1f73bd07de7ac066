package com.servicecraft.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * Fonts for generated PDFs: WenQuanYi Micro Hei (face 0 of the TrueType collection on the
 * classpath), which covers Simplified Chinese and Latin. It is written as {@code Identity-H}, embedded
 * and subset, so a PDF carries only the glyphs it uses.
 *
 * <p>The font file is read once, on first use (holder idiom, so thread-safe without locking). The
 * {@link BaseFont} is then shared by every document: OpenPDF keeps which glyphs were used per
 * writer, and reads the font bytes through its own cursor when it writes a subset.
 */
public final class PdfFonts {
    /** Classpath resource of the collection; {@code ",0"} picks its first face (Micro Hei). */
    static final String RESOURCE = "/com/servicecraft/shared/pdf/wqy-microhei.ttc";

    private PdfFonts() {
    }

    private static final class Holder {
        static final BaseFont BASE = load();
    }

    /** The shared base font (for drawing on a {@code PdfContentByte}). */
    public static BaseFont baseFont() {
        return Holder.BASE;
    }

    /** Regular text at {@code size} points. */
    public static Font regular(float size) {
        return new Font(baseFont(), size, Font.NORMAL);
    }

    /**
     * Bold text at {@code size} points. The font has no bold face, so OpenPDF simulates it (text is
     * filled and stroked).
     */
    public static Font bold(float size) {
        return new Font(baseFont(), size, Font.BOLD);
    }

    private static BaseFont load() {
        try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Font resource missing: " + RESOURCE);
            }
            byte[] bytes = in.readAllBytes();
            // The name only has to end in ".ttc,<index>": the bytes are the font.
            BaseFont font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + RESOURCE, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load font " + RESOURCE, e);
        }
    }
}
