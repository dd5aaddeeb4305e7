// The languages the product speaks, for every text the rules and screens build.
export type Lang = 'en' | 'ja';
