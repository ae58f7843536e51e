// Fault matrix (issue 10 item 12): the password editor.
import { faultMatrix } from './matrix.js';
import { passwordDriver } from './password-driver.js';

faultMatrix(passwordDriver);
