/** The test runner's functions replayFolder declares its tests with (jest's globals by default). */
export interface TestGlobals {
    describe: (name: string, fn: () => void) => void;
    test: (name: string, fn: () => Promise<void>, timeout?: number) => void;
    beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
    afterAll: (fn: () => Promise<void>) => void;
}
export declare function replayFolder(appDir: string, historiesDir: string, globals?: TestGlobals): void;
