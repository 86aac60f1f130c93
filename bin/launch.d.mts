export declare const STAMP: string;
export declare function chooseEntry(root: string): { compiled: boolean; entry: string };
