/** The version of clusterheat, written into every figure's provenance and metadata; equals package.json's. */
export const VERSION = "0.1.0";
