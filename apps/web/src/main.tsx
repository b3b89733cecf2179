// The page's first requests leave before the app is loaded: this entry chunk is small (the requests
// and their documents), the app comes as a chunk of its own and takes their answers.
import { earlyRequestsFor, sendEarlyRequests } from './app/warm-start/early-requests';

const app = import('./app/start'); // its download starts first
const earlyAnswers = sendEarlyRequests(earlyRequestsFor(window.location));

void app.then(({ startApp }) => startApp(earlyAnswers));
