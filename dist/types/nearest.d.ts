/** The known name a mistyped one most likely meant (in any case): at most two edits away, or a third of a long name. */
export declare function nearestName(typed: string, known: readonly string[]): string | undefined;
