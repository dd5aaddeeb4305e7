// The sync fault suite on PGlite, the server's embedded default (faultSuite.ts), and the checker's own test.
import { checkerSelfTest, faultSuite } from './faultSuite';

checkerSelfTest();
faultSuite('pglite');
