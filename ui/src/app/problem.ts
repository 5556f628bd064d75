// What the start-up problem screen says: a title, a reassurance where one is true, and the
// steps a person can take, chosen by the kind of error. The Rust message is shown as detail.

import type { IpcError } from '../lib/bindings';

export interface ProblemStep {
  text: string;
  /** A command to type, shown as code after the text. */
  command: string | null;
}

export interface ProblemCopy {
  title: string;
  reassurance: string | null;
  steps: ProblemStep[];
}

const ANOTHER_FILE: ProblemStep = {
  text: 'Or start with another journal file, from a terminal:',
  command: 'careerlog --db PATH',
};

export function describeProblem(error: IpcError): ProblemCopy {
  switch (error.kind) {
    case 'newer_journal':
      return {
        title: 'This journal was written by a newer Career Log',
        reassurance: 'Nothing in it was changed. It will open again in an up-to-date Career Log.',
        steps: [{ text: 'Quit Career Log, update it to the latest version, and open it again.', command: null }, ANOTHER_FILE],
      };
    case 'not_a_journal':
      return {
        title: 'This file is not a Career Log journal',
        reassurance: 'Career Log left the file as it was.',
        steps: [{ text: 'Quit Career Log and check the path of the journal file you gave it.', command: null }, ANOTHER_FILE],
      };
    case 'locked':
      return {
        title: 'Your journal is open in another Career Log',
        reassurance: null,
        steps: [{ text: 'Close the other Career Log, then quit this one and open it again.', command: null }, ANOTHER_FILE],
      };
    default:
      return {
        title: 'Career Log could not open your journal',
        reassurance: null,
        steps: [{ text: 'Quit Career Log and open it again.', command: null }, ANOTHER_FILE],
      };
  }
}
