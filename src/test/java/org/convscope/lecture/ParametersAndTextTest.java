package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.junit.jupiter.api.Test;

class ParametersAndTextTest {
    private static final ConvSetup BINARY = ConvSetup.single(
            Volume.of(new float[][] {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}}),
            Volume.of(new float[][] {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}}), 1, 0);

    @Test
    void changingParametersKeepsTheNumbersThatStillFit() {
        ConvSetup wider = new ConvParameters(7, 3, 1, 0, 2, 1).applyTo(BINARY);
        assertEquals(new Dims(1, 7, 7), wider.input().dims());
        assertEquals(1, wider.input().at(0, 0, 0));
        assertEquals(BINARY.filters().getFirst(), wider.filters().getFirst());
        assertEquals(2, wider.filters().size());
        ConvSetup back = new ConvParameters(5, 3, 1, 0, 1, 1).applyTo(wider);
        assertEquals(BINARY.input(), back.input());
        assertEquals(ConvParameters.of(back), new ConvParameters(5, 3, 1, 0, 1, 1));
    }

    @Test
    void strideZeroAndOversizedKernelsAreExplainedNotThrown() {
        ConvSetup zero = new ConvParameters(5, 3, 0, 0, 1, 1).applyTo(BINARY);
        assertTrue(zero.problem().orElseThrow().contains("stride must be at least 1"));
        assertTrue(zero.formula().endsWith("the stride must be at least 1"), zero.formula());
        ConvSetup big = new ConvParameters(5, 9, 1, 1, 1, 3).applyTo(BINARY);
        assertTrue(big.problem().orElseThrow().contains("does not fit"), big.problem().orElseThrow());
        assertTrue(big.formula().endsWith("the kernel is larger than the padded input"), big.formula());
        assertThrows(IllegalArgumentException.class, () -> new ConvParameters(0, 3, 1, 0, 1, 1));
    }

    @Test
    void typedMatrices() {
        assertEquals(Volume.of(new float[][] {{1, 2}, {3, -4}}), MatrixText.parse("1 2\n3, −4\n"));
        assertEquals(Volume.of(new float[][] {{1, 2}, {3, 4}}), MatrixText.parse("[[1, 2],\n [3, 4]]"));
        Volume two = MatrixText.parse("1 2\n3 4\n\n5 6\n7 8");
        assertEquals(new Dims(2, 2, 2), two.dims());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, two.values());
        assertEquals("line 2: \"x\" is not a number",
                assertThrows(IllegalArgumentException.class, () -> MatrixText.parse("1 2\n3 x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MatrixText.parse("1 2\n3")).getMessage()
                .contains("row 1 has 1 numbers, expected 2"));
    }

    @Test
    void lessonErrorsNameTheFileFrameFieldAndValue() {
        String json = "{\"title\":\"t\",\"frames\":[{\"view\":\"relu\",\"input\":[[1]]},"
                + "{\"view\":\"conv\",\"input\":[[1,2],[3,4]],\"kernel\":[[1]],\"stride\":\"two\"}]}";
        FileException e = assertThrows(FileException.class,
                () -> LessonFile.parse(json, Path.of("bad.json"), LessonSources.NONE));
        assertEquals("bad.json: frame 2 (conv): \"stride\" is \"two\", expected a whole number from 0 to 64", e.getMessage());
        FileException view = assertThrows(FileException.class, () -> LessonFile.parse(
                "{\"title\":\"t\",\"frames\":[{\"view\":\"slides\"}]}", Path.of("x.json"), LessonSources.NONE));
        assertTrue(view.getMessage().contains("\"view\" is \"slides\", expected conv, relu"), view.getMessage());
        FileException syntax = assertThrows(FileException.class,
                () -> LessonFile.parse("{\"title\": ", Path.of("x.json"), LessonSources.NONE));
        assertTrue(syntax.getMessage().startsWith("x.json: not valid JSON"), syntax.getMessage());
    }

    @Test
    void aLessonCannotAskForMoreThanALectureShows() {
        FileException random = assertThrows(FileException.class, () -> LessonFile.parse(
                "{\"title\":\"t\",\"frames\":[{\"view\":\"relu\",\"input\":{\"random\":[1000,1000,1000]}}]}",
                Path.of("big.json"), LessonSources.NONE));
        assertEquals("big.json: frame 1 (relu): \"input.random[0]\" is 1000, expected a whole number from 1 to 64",
                random.getMessage());
        FileException padding = assertThrows(FileException.class, () -> LessonFile.parse(
                "{\"title\":\"t\",\"frames\":[{\"view\":\"conv\",\"input\":[[1]],\"kernel\":[[1]],\"padding\":1073741824}]}",
                Path.of("pad.json"), LessonSources.NONE));
        assertEquals("pad.json: frame 1 (conv): \"padding\" is 1073741824, expected a whole number from 0 to 64",
                padding.getMessage());
    }

    @Test
    void aTestDigitThatDoesNotExistIsNamed() {
        LessonSources tenDigits = new TenBlankDigits();
        FileException e = assertThrows(FileException.class, () -> LessonFile.parse(
                "{\"title\":\"t\",\"frames\":[{\"view\":\"relu\",\"input\":{\"testDigit\":10}}]}",
                Path.of("digit.json"), tenDigits));
        assertEquals("digit.json: frame 1 (relu): \"input.testDigit\" is 10, expected the number of a test image",
                e.getMessage());
    }

    @Test
    void lenientJsonIsRefused() {
        FileException e = assertThrows(FileException.class, () -> LessonFile.parse(
                "{\"title\":\"t\", // a comment\n\"frames\":[{\"view\":\"relu\",\"input\":[[1]]}]}",
                Path.of("lenient.json"), LessonSources.NONE));
        assertTrue(e.getMessage().startsWith("lenient.json: not valid JSON: syntax error at line 1 column"), e.getMessage());
    }
}
