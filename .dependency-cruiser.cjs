/** The layering rules of DESIGN.md, checked on every `npm test` (via `npm run lint`). */
module.exports = {
  forbidden: [
    {
      name: "lib-not-to-app-or-components",
      comment: "lib/ is framework-free where possible and never reaches into the UI.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|scripts|tests)/" },
    },
    {
      name: "components-only-pure-lib",
      comment: "components/ may use lib/ types and pure helpers, never the database, secrets, mail or storage.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(lib/(db|env|mail|storage|auth|audit|health|renewals|settings/settings)|app/|scripts/)" },
    },
    {
      name: "components-no-server-only",
      comment: "A component that reaches a server-only module would crash in the browser.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "node_modules/server-only/", reachable: true },
    },
    {
      name: "candidate-forms-without-zod",
      comment:
        "The forms with uploads are client components: their labels and options come from lib/*/form-fields, not from the zod schemas, which put zod's 30 kB in the browser (173 -> 142 kB of first-load JavaScript). Their server actions are references, not bundled, hence a rule on direct imports.",
      severity: "error",
      from: { path: "^(app/\\(candidat\\)/(candidatures/application-form|diplomes/diploma-form)\\.tsx|components/uploads/)" },
      to: { path: "(/form-schema\\.ts$|node_modules/zod/)" },
    },
    {
      name: "emails-receive-plain-data",
      comment: "Mail templates get plain props; they import no database, env or app code.",
      severity: "error",
      from: { path: "^emails/" },
      to: { path: "^(lib/|app/|components/|scripts/)|node_modules/(postgres|drizzle-orm)/" },
    },
    {
      name: "app-code-not-to-scripts-or-tests",
      severity: "error",
      from: { path: "^(app|components|lib|emails)/" },
      to: { path: "^(scripts|tests)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|\\.data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"],
    },
  },
};
