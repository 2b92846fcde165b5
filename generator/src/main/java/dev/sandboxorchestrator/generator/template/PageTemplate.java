package dev.sandboxorchestrator.generator.template;

/** The TSX that renders a landing page's {@code content} object; the same for every prompt. */
final class PageTemplate {
    private PageTemplate() {
    }

    static final String TYPES = """
            type Item = { title: string; text: string };
            type Plan = { name: string; price: string; text: string; highlighted: boolean; features: string[] };
            type Base = { id: string; nav: string; title: string; intro: string };
            type Section =
              | (Base & { kind: "cards" | "steps"; items: Item[] })
              | (Base & { kind: "pricing"; plans: Plan[] })
              | (Base & { kind: "quotes"; items: { quote: string; author: string }[] })
              | (Base & { kind: "faq"; items: { question: string; answer: string }[] })
              | (Base & { kind: "newsletter"; button: string })
              | (Base & { kind: "contact"; email: string });
            type Content = {
              subject: string;
              headline: string;
              tagline: string;
              cta: string;
              ctaHref: string;
              nav: { label: string; href: string }[];
              sections: Section[];
              prompt: string;
              disclaimer: string;
            };
            """;

    static final String BODY = """
            function SectionBody({ section }: { section: Section }) {
              switch (section.kind) {
                case "cards":
                case "steps":
                  return (
                    <div className="mt-10 grid gap-6 md:grid-cols-3">
                      {section.items.map((item, index) => (
                        <div key={item.title} className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
                          {section.kind === "steps" && (
                            <span className="mb-3 inline-flex h-8 w-8 items-center justify-center rounded-full bg-amber-700 text-sm font-bold text-white">
                              {index + 1}
                            </span>
                          )}
                          <h3 className="text-lg font-semibold">{item.title}</h3>
                          <p className="mt-2 text-stone-600">{item.text}</p>
                        </div>
                      ))}
                    </div>
                  );
                case "pricing":
                  return (
                    <div className="mt-10 grid gap-6 md:grid-cols-3">
                      {section.plans.map((plan) => (
                        <div
                          key={plan.name}
                          className={`rounded-2xl p-8 shadow-sm ring-1 ${plan.highlighted ? "bg-amber-700 text-white ring-amber-700" : "bg-white ring-stone-200"}`}
                        >
                          <h3 className="text-lg font-semibold">{plan.name}</h3>
                          <p className="mt-4 text-4xl font-bold">
                            {plan.price}
                            <span className="text-base font-normal opacity-80"> / month</span>
                          </p>
                          <p className="mt-2 opacity-80">{plan.text}</p>
                          <ul className="mt-6 space-y-2">
                            {plan.features.map((feature) => (
                              <li key={feature}>✓ {feature}</li>
                            ))}
                          </ul>
                        </div>
                      ))}
                    </div>
                  );
                case "quotes":
                  return (
                    <div className="mt-10 grid gap-6 md:grid-cols-3">
                      {section.items.map((item) => (
                        <figure key={item.author} className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
                          <blockquote className="text-stone-700">“{item.quote}”</blockquote>
                          <figcaption className="mt-4 text-sm font-semibold">{item.author}</figcaption>
                        </figure>
                      ))}
                    </div>
                  );
                case "faq":
                  return (
                    <div className="mx-auto mt-10 max-w-2xl space-y-4">
                      {section.items.map((item) => (
                        <details key={item.question} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-stone-200">
                          <summary className="cursor-pointer font-semibold">{item.question}</summary>
                          <p className="mt-3 text-stone-600">{item.answer}</p>
                        </details>
                      ))}
                    </div>
                  );
                case "newsletter":
                  return (
                    <form className="mx-auto mt-8 flex max-w-md gap-3" action="#newsletter">
                      <label htmlFor="email" className="sr-only">Email address</label>
                      <input id="email" type="email" required placeholder="you@example.com"
                        className="flex-1 rounded-full border border-stone-300 px-5 py-3" />
                      <button type="submit" className="rounded-full bg-amber-700 px-6 py-3 font-semibold text-white hover:bg-amber-800">
                        {section.button}
                      </button>
                    </form>
                  );
                case "contact":
                  return (
                    <p className="mt-6 text-center text-lg">
                      <a className="font-semibold text-amber-800 underline" href={`mailto:${section.email}`}>{section.email}</a>
                    </p>
                  );
              }
            }

            export default function Page() {
              const sections = content.sections;
              return (
                <main>
                  <header className="sticky top-0 z-10 border-b border-stone-200 bg-stone-50/90 backdrop-blur">
                    <nav className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
                      <span className="text-xl font-bold">{content.subject}</span>
                      <div className="hidden gap-6 text-sm md:flex">
                        {content.nav.map((link) => (
                          <a key={link.href} href={link.href} className="hover:text-amber-800">{link.label}</a>
                        ))}
                      </div>
                    </nav>
                  </header>
                  <section className="bg-gradient-to-b from-amber-100 to-stone-50 px-6 py-24 text-center">
                    <h1 className="mx-auto max-w-3xl text-5xl font-extrabold tracking-tight md:text-6xl">{content.headline}</h1>
                    <p className="mx-auto mt-6 max-w-2xl text-lg text-stone-600">{content.tagline}</p>
                    <a href={content.ctaHref} className="mt-10 inline-block rounded-full bg-amber-700 px-8 py-4 font-semibold text-white shadow hover:bg-amber-800">
                      {content.cta}
                    </a>
                  </section>
                  {sections.map((section) => (
                    <section key={section.id} id={section.id} className="mx-auto max-w-6xl px-6 py-20">
                      <h2 className="text-center text-3xl font-bold">{section.title}</h2>
                      <p className="mt-3 text-center text-stone-600">{section.intro}</p>
                      <SectionBody section={section} />
                    </section>
                  ))}
                  <footer className="border-t border-stone-200 px-6 py-10 text-center text-sm text-stone-500">
                    <p>© {content.subject}</p>
                    <p className="mt-2">{content.disclaimer}</p>
                  </footer>
                </main>
              );
            }
            """;
}
