package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StyleParserTest {
    @Test
    void camelCasesPropertiesKeepsCustomPropertiesAndVendorPrefixesReactStyle() {
        StyleParser.Result result = StyleParser.toObject("background-color: red; --main-gap: 4px; -webkit-box-shadow: none; -ms-transform: none",
                UnaryOperator.identity());

        assertThat(result.objectLiteral())
                .isEqualTo("{ backgroundColor: \"red\", \"--main-gap\": \"4px\", WebkitBoxShadow: \"none\", msTransform: \"none\" }");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void keepsQuotedUrlsSemicolonsInStringsAndImportantWithANote() {
        StyleParser.Result result = StyleParser.toObject("background: url(\"a;b.png\") no-repeat; content: 'x;y'; color: red !important",
                UnaryOperator.identity());

        assertThat(result.objectLiteral())
                .isEqualTo("{ background: \"url(\\\"a;b.png\\\") no-repeat\", content: \"'x;y'\", color: \"red !important\" }");
        assertThat(result.notes()).singleElement().asString().contains("!important");
    }

    @Test
    void dropsMalformedDeclarationsAndKeepsTheLastOfRepeatedOnesWithNotes() {
        StyleParser.Result result = StyleParser.toObject("/* c */ display: -webkit-box; display: flex; garbage; ", UnaryOperator.identity());

        assertThat(result.objectLiteral()).isEqualTo("{ display: \"flex\" }");
        assertThat(result.notes()).hasSize(2);
    }

    @Test
    void rewritesValuesThroughTheGivenMapping() {
        StyleParser.Result result = StyleParser.toObject("background-image: url(img/a.png)",
                value -> CssUrls.replace(value, url -> "/" + url));

        assertThat(result.objectLiteral()).isEqualTo("{ backgroundImage: \"url(/img/a.png)\" }");
    }
}
