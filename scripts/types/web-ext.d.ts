/** The part of web-ext's programmatic API that scripts/lint-extension.ts uses (web-ext ships no types). */
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        params: Record<string, unknown>,
        options?: { shouldExitProgram?: boolean },
      ): Promise<{ errors: unknown[]; warnings: unknown[]; notices: unknown[] }>;
    };
  };
  export default webExt;
}
