package dev.sandboxorchestrator.generator.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.InputLimits;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TemplateCodeGeneratorTest {
    private final TemplateCodeGenerator generator = new TemplateCodeGenerator();

    private GeneratedCode generate(String prompt) {
        return generator.generate(GenerationRequest.of(prompt), SandboxListener.NONE);
    }

    @ParameterizedTest(name = "\"{0}\" is about {1}")
    @CsvSource(delimiter = '|', value = {
        "Create a modern landing page for a coffee subscription | Coffee Subscription",
        "Build a website about sustainable gardening, with a blog | Sustainable Gardening",
        "A portfolio site for a wedding photographer              | Wedding Photographer",
        "landing page for my AI startup                           | AI Startup",
        "make me a page                                           | Your Product",
    })
    void findsTheSubjectOfThePrompt(String prompt, String subject) {
        assertThat(Subject.of(prompt)).isEqualTo(subject);
    }

    @Test
    void theSubjectIsInTheTitleAndHeadlineAndTheOutputSaysItIsATemplate() {
        GeneratedCode code = generate("Create a modern landing page for a coffee subscription");
        assertThat(code.title()).isEqualTo("Coffee Subscription");
        assertThat(code.text("app/layout.tsx")).contains("title: \"Coffee Subscription\"");
        assertThat(code.text("app/page.tsx")).contains("\"headline\" : \"Coffee Subscription, done beautifully\"")
                .startsWith("// " + TemplateCodeGenerator.DISCLAIMER);
        assertThat(code.metadata()).containsEntry("generator", "template").containsEntry("note", TemplateCodeGenerator.DISCLAIMER);
        assertThat(code.files()).containsOnlyKeys("app/page.tsx", "app/layout.tsx", "app/globals.css");
        InputLimits.DEFAULT.check(code);
    }

    @Test
    void sectionsFollowThePromptsWords() {
        assertThat(TemplateCodeGenerator.sections("a coffee subscription")).contains(Section.PRICING, Section.MENU, Section.HOW_IT_WORKS);
        assertThat(TemplateCodeGenerator.sections("dentist with booking and FAQ")).contains(Section.CONTACT, Section.FAQ)
                .doesNotContain(Section.PRICING);
        assertThat(TemplateCodeGenerator.sections("something")).contains(Section.FEATURES, Section.TESTIMONIALS, Section.FAQ, Section.NEWSLETTER);
    }

    @Test
    void theSamePromptAlwaysGivesTheSameFiles() {
        assertThat(generate("A bakery in Lyon").files()).isEqualTo(generate("A bakery in Lyon").files());
    }

    @Test
    void promptTextCannotBreakOutOfTheGeneratedCode() {
        GeneratedCode code = generate("a page for \"Quotes\" {braces} </script> `ticks` ${x} \\ backslash");
        String page = code.text("app/page.tsx");
        assertThat(page).contains("\\\"Quotes\\\"").doesNotContain("${x} \\ backslash\"");
        assertThat(page.lines().filter(line -> line.contains("</script>"))).allMatch(line -> line.strip().startsWith("\""));
    }

    @Test
    void htmlFormatGivesOneEscapedPage() {
        GeneratedCode code = generator.generate(new GenerationRequest("A <b>bold</b> bakery", GenerationRequest.Format.HTML), SandboxListener.NONE);
        assertThat(code.files()).containsOnlyKeys("index.html");
        assertThat(code.text("index.html")).contains("<title>Bold Bakery</title>").doesNotContain("<b>");
    }

    @Test
    void reportsEachFileAsProgress() {
        List<SandboxEvent> events = new ArrayList<>();
        generator.generate(GenerationRequest.of("a gym"), events::add);
        assertThat(events).extracting(event -> ((SandboxEvent.Progress) event).message())
                .containsExactly("wrote app/page.tsx", "wrote app/layout.tsx", "wrote app/globals.css");
    }
}
