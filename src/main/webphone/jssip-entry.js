// The one module the console's phone imports: JsSIP as an ES module (the npm package is CommonJS).
import JsSIP from 'jssip';
export default JsSIP;
